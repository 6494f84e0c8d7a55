import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ClientResponseError } from 'pocketbase';
import { rejection, startServer } from './helpers/server.mjs';

describe('error responses', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('401 without a token on a superuser-only API', async () => {
    const err = await rejection(server.client().collections.getFullList());
    assert.ok(err instanceof ClientResponseError);
    assert.equal(err.status, 401);
    assert.deepEqual(err.response, {
      status: 401,
      message: 'The request requires valid record authorization token.',
      data: {},
    });
  });

  test('403 when password sign-in is disabled for the collection', async () => {
    const pb = await server.superuserClient();
    await pb.collections.create({ name: 'sdk_nopassword', type: 'auth', passwordAuth: { enabled: false } });

    const err = await rejection(server.client().collection('sdk_nopassword').authWithPassword('a@example.com', '1234567890'));
    assert.equal(err.status, 403);
    assert.equal(err.response.status, 403);
    assert.equal(typeof err.response.message, 'string');
    assert.deepEqual(err.response.data, {});
  });

  test('404 for a missing collection', async () => {
    const pb = await server.superuserClient();
    const err = await rejection(pb.collections.getOne('no_such_collection'));
    assert.equal(err.status, 404);
    assert.deepEqual(err.response, { status: 404, message: "The requested resource wasn't found.", data: {} });
  });

  test('404 for an unknown route', async () => {
    const err = await rejection(server.client().send('/api/no/such/route', { method: 'GET' }));
    assert.equal(err.status, 404);
    assert.equal(err.response.status, 404);
  });

  test('400 with per-field errors for an invalid collection', async () => {
    const pb = await server.superuserClient();
    const err = await rejection(pb.collections.create({ name: '', type: 'base' }));
    assert.equal(err.status, 400);
    assert.equal(err.response.status, 400);
    assert.equal(err.response.data.name.code, 'validation_required');
    assert.equal(typeof err.response.data.name.message, 'string');
  });
});
