'use strict';
// Starts s3rver for the S3 storage tests: node --openssl-legacy-provider server.js <port> <directory> <bucket>.
// Prints "ready" once the bucket exists and the port listens; runs until killed.

const crypto = require('crypto');
const S3rver = require('s3rver');
const objectController = require('s3rver/lib/controllers/object');

// s3rver's one account.
const SECRETS = new Map([['S3RVER', 'S3RVER']]);

// Real S3 URL-decodes the whole x-amz-copy-source header, and the AWS SDKs (like PocketBase's
// client) send "bucket%2Fkey"; s3rver only applies decodeURI, which keeps "%2F" and so misses the
// source. Decode it fully here, after the request's signature was checked.
const putObjectCopy = objectController.putObjectCopy;
objectController.putObjectCopy = ctx => {
  const source = ctx.headers['x-amz-copy-source'];
  if (source) ctx.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(source));
  return putObjectCopy(ctx);
};

// s3rver accepts any Signature V4 signature of a known access key; real S3 checks it against the
// secret. Check header-signed V4 requests the same way, so that a wrong secret is refused.
function awsEncode(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function hmac(key, text) {
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest();
}

function expectedSignature(req, secret, credential, signedHeaders) {
  const [, date, region, service] = credential.split('/');
  const [rawPath, rawQuery = ''] = req.url.split('?');
  const query = rawQuery
    .split('&')
    .filter(p => p !== '')
    .map(p => {
      const [k, ...v] = p.split('=');
      return [awsEncode(decodeURIComponent(k)), awsEncode(decodeURIComponent(v.join('=')))];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = signedHeaders
    .split(';')
    .map(h => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonical = [req.method, rawPath, query, headers, signedHeaders, req.headers['x-amz-content-sha256']].join('\n');
  const scope = credential.split('/').slice(1).join('/');
  const toSign = ['AWS4-HMAC-SHA256', req.headers['x-amz-date'], scope, crypto.createHash('sha256').update(canonical, 'utf8').digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac('AWS4' + secret, date), region), service), 'aws4_request');
  return crypto.createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

async function checkSignature(ctx, next) {
  const auth = ctx.headers['authorization'] || '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)$/.exec(auth);
  const secret = match && SECRETS.get(match[1].split('/')[0]);
  if (secret && expectedSignature(ctx.req, secret, match[1], match[2]) !== match[3]) {
    ctx.status = 403;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code>' +
      '<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message></Error>';
    return;
  }
  await next();
}

const [port, directory, bucket] = process.argv.slice(2);
if (!port || !directory || !bucket) {
  console.error('usage: server.js <port> <directory> <bucket>');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: false,
  vhostBuckets: false,
  configureBuckets: [{ name: bucket }],
});
server.middleware.unshift(checkSignature);
server
  .run()
  .then(() => console.log('ready'))
  .catch(err => {
    console.error(err);
    process.exit(1);
  });
