'use strict';
// Starts s3rver for the S3 storage tests: node --openssl-legacy-provider server.js <port> <directory> <bucket>.
// Prints "ready" once the bucket exists and the port listens; runs until killed.

const S3rver = require('s3rver');
const objectController = require('s3rver/lib/controllers/object');

// Real S3 URL-decodes the whole x-amz-copy-source header, and the AWS SDKs (like PocketBase's
// client) send "bucket%2Fkey"; s3rver only applies decodeURI, which keeps "%2F" and so misses the
// source. Decode it fully here, after the request's signature was checked.
const putObjectCopy = objectController.putObjectCopy;
objectController.putObjectCopy = ctx => {
  const source = ctx.headers['x-amz-copy-source'];
  if (source) ctx.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(source));
  return putObjectCopy(ctx);
};

const [port, directory, bucket] = process.argv.slice(2);
if (!port || !directory || !bucket) {
  console.error('usage: server.js <port> <directory> <bucket>');
  process.exit(2);
}

new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: false,
  vhostBuckets: false,
  configureBuckets: [{ name: bucket }],
})
  .run()
  .then(() => console.log('ready'))
  .catch(err => {
    console.error(err);
    process.exit(1);
  });
