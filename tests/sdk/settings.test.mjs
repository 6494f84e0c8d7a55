import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rejection, startServer } from './helpers/server.mjs';

describe('settings', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('getAll returns the settings groups', async () => {
    const pb = await server.superuserClient();
    const settings = await pb.settings.getAll();
    for (const key of ['meta', 'logs', 'backups', 'smtp', 's3', 'batch', 'rateLimits', 'trustedProxy']) {
      assert.ok(key in settings, `missing settings group ${key}`);
    }
    assert.equal(typeof settings.meta.appName, 'string');
  });

  test('update changes a value and getAll reads it back', async () => {
    const pb = await server.superuserClient();
    const updated = await pb.settings.update({ meta: { appName: 'Satchel SDK test', appURL: 'http://example.com' } });
    assert.equal(updated.meta.appName, 'Satchel SDK test');

    const again = await pb.settings.getAll();
    assert.equal(again.meta.appName, 'Satchel SDK test');
    assert.equal(again.meta.appURL, 'http://example.com');
  });

  test('an invalid value is a 400 naming the field', async () => {
    const pb = await server.superuserClient();
    const err = await rejection(pb.settings.update({ meta: { appName: '' } }));
    assert.equal(err.status, 400);
    assert.equal(typeof err.response.data.meta.appName.code, 'string');
    assert.equal(typeof err.response.data.meta.appName.message, 'string');
  });

  test('anonymous access is a 401', async () => {
    const err = await rejection(server.client().settings.getAll());
    assert.equal(err.status, 401);
    assert.equal(err.response.message, 'The request requires valid record authorization token.');
  });
});
