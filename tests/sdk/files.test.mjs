import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pngSize, solidPng } from './helpers/png.mjs';
import { rejection, startServer } from './helpers/server.mjs';

describe('files', () => {
  let server;
  let pb;
  before(async () => {
    server = await startServer();
    pb = await server.superuserClient();
    await pb.collections.create({
      name: 'sdk_docs',
      type: 'base',
      listRule: '',
      viewRule: '',
      createRule: '',
      updateRule: '',
      deleteRule: '',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'docs', type: 'file', maxSelect: 5 },
      ],
    });
  });
  after(async () => { await server?.stop(); });

  test('uploads files from File and Blob objects and downloads them by URL', async () => {
    const record = await pb.collection('sdk_docs').create({
      title: 'with files',
      docs: [new File(['first file'], 'first.txt'), new Blob(['second file'])],
    });
    assert.equal(record.docs.length, 2);
    assert.match(record.docs[0], /^first_[a-z0-9]{10}\.txt$/);

    const url = pb.files.getURL(record, record.docs[0]);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'first file');
    assert.match(res.headers.get('content-disposition'), /^attachment; filename=first_/);

    const blobRes = await fetch(pb.files.getURL(record, record.docs[1]));
    assert.equal(await blobRes.text(), 'second file');
  });

  test('FormData uploads, appends and removals', async () => {
    const form = new FormData();
    form.append('title', 'form data');
    form.append('docs', new File(['one'], 'one.txt'));
    const record = await pb.collection('sdk_docs').create(form);
    const [one] = record.docs;

    const appended = await pb.collection('sdk_docs').update(record.id, { 'docs+': new File(['two'], 'two.txt') });
    assert.equal(appended.docs.length, 2);
    assert.equal(appended.docs[0], one);

    const removed = await pb.collection('sdk_docs').update(record.id, { 'docs-': [one] });
    assert.deepEqual(removed.docs, [appended.docs[1]]);
    assert.equal((await fetch(pb.files.getURL(record, one))).status, 404);

    const cleared = await pb.collection('sdk_docs').update(record.id, { docs: [] });
    assert.deepEqual(cleared.docs, []);
  });

  test('download=1 forces an attachment and unknown thumb sizes fall back to the original', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const record = await pb.collection('sdk_docs').create({ docs: [new File([png], 'pixel.png', { type: 'image/png' })] });
    const inline = await fetch(pb.files.getURL(record, record.docs[0]));
    assert.equal(inline.headers.get('content-type'), 'image/png');
    assert.match(inline.headers.get('content-disposition'), /^inline;/);

    const download = await fetch(pb.files.getURL(record, record.docs[0], { download: 1 }));
    assert.match(download.headers.get('content-disposition'), /^attachment;/);

    const thumb = await fetch(pb.files.getURL(record, record.docs[0], { thumb: '77x77' }));
    assert.equal(thumb.status, 200);
    assert.deepEqual(Buffer.from(await thumb.arrayBuffer()), png);
  });

  test('getURL with a thumb size serves a thumb of that size', async () => {
    const png = solidPng(300, 200, [200, 40, 40]);
    const record = await pb.collection('sdk_docs').create({ docs: [new File([png], 'photo.png', { type: 'image/png' })] });

    const res = await fetch(pb.files.getURL(record, record.docs[0], { thumb: '100x100' }));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('content-disposition'), `inline; filename=100x100_${record.docs[0]}`);
    assert.deepEqual(pngSize(await res.arrayBuffer()), { width: 100, height: 100 });

    // The original is untouched.
    const original = await fetch(pb.files.getURL(record, record.docs[0]));
    assert.deepEqual(pngSize(await original.arrayBuffer()), { width: 300, height: 200 });
  });

  test('protected files need a file token that passes the view rule', async () => {
    // viewRule null: superusers only
    await pb.collections.create({
      name: 'sdk_secrets',
      type: 'base',
      fields: [{ name: 'secret', type: 'file', maxSelect: 1, protected: true }],
    });
    const record = await pb.collection('sdk_secrets').create({ secret: new File(['classified'], 'secret.txt') });
    assert.equal((await fetch(pb.files.getURL(record, record.secret))).status, 404);

    const token = await pb.files.getToken();
    const res = await fetch(pb.files.getURL(record, record.secret, { token }));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'classified');
  });

  test('invalid uploads are rejected with field errors', async () => {
    const err = await rejection(pb.collection('sdk_docs').create({
      docs: Array.from({ length: 6 }, (_, i) => new File([`f${i}`], `file${i}.txt`)),
    }));
    assert.equal(err.status, 400);
    assert.equal(err.response.data.docs.code, 'validation_too_many_files');
  });
});

describe('batch', () => {
  let server;
  let pb;
  before(async () => {
    server = await startServer();
    pb = await server.superuserClient();
    await pb.settings.update({ batch: { enabled: true, maxRequests: 10, timeout: 5 } });
    await pb.collections.create({
      name: 'sdk_batch',
      type: 'base',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'attachment', type: 'file', maxSelect: 1 },
      ],
    });
  });
  after(async () => { await server?.stop(); });

  test('creates, upserts and deletes in one transaction, files included', async () => {
    const existing = await pb.collection('sdk_batch').create({ title: 'existing' });
    const doomed = await pb.collection('sdk_batch').create({ title: 'doomed' });

    const batch = pb.createBatch();
    batch.collection('sdk_batch').create({ title: 'created', attachment: new File(['batch file'], 'batch.txt') });
    batch.collection('sdk_batch').upsert({ id: existing.id, title: 'upserted' });
    batch.collection('sdk_batch').delete(doomed.id);
    const results = await batch.send();

    assert.deepEqual(results.map((r) => r.status), [200, 200, 204]);
    const created = results[0].body;
    assert.match(created.attachment, /^batch_[a-z0-9]{10}\.txt$/);
    assert.equal(await (await fetch(pb.files.getURL(created, created.attachment))).text(), 'batch file');
    assert.equal((await pb.collection('sdk_batch').getOne(existing.id)).title, 'upserted');
    await rejection(pb.collection('sdk_batch').getOne(doomed.id));
  });

  test('a failing request rolls back the whole batch', async () => {
    const batch = pb.createBatch();
    batch.collection('sdk_batch').create({ title: 'not kept' });
    batch.collection('sdk_batch').create({ title: '' });
    const err = await rejection(batch.send());

    assert.equal(err.status, 400);
    assert.equal(err.response.data.requests['1'].code, 'batch_request_failed');
    const found = await pb.collection('sdk_batch').getList(1, 10, { filter: 'title = "not kept"' });
    assert.equal(found.totalItems, 0);
  });
});
