import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './helpers/server.mjs';

describe('health', () => {
  let server;
  before(async () => { server = await startServer({ superuser: false }); });
  after(async () => { await server?.stop(); });

  test('pb.health.check() answers 200 with the API message', async () => {
    const res = await server.client().health.check();
    assert.equal(res.code, 200);
    assert.equal(res.message, 'API is healthy.');
    assert.deepEqual(res.data, {});
  });
});
