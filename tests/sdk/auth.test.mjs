import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SUPERUSER, rejection, startServer } from './helpers/server.mjs';

describe('auth', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('a superuser created with the CLI signs in with authWithPassword', async () => {
    const pb = server.client();
    const auth = await pb.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);

    assert.equal(typeof auth.token, 'string');
    assert.equal(auth.token.split('.').length, 3);
    assert.equal(auth.record.email, SUPERUSER.email);
    assert.equal(auth.record.collectionName, '_superusers');
    assert.equal(auth.record.password, undefined);
    assert.equal(pb.authStore.isValid, true);
    assert.equal(pb.authStore.isSuperuser, true);
  });

  test('the superuser health check shows the superuser-only details', async () => {
    const pb = await server.superuserClient();
    const res = await pb.health.check();
    assert.equal(res.data.canBackup, true);
  });

  test('a wrong password is a 400 with an empty data object', async () => {
    const err = await rejection(server.client().collection('_superusers').authWithPassword(SUPERUSER.email, 'wrong-password'));
    assert.equal(err.status, 400);
    assert.equal(err.response.status, 400);
    assert.equal(err.response.message, 'Failed to authenticate.');
    assert.deepEqual(err.response.data, {});
  });

  test('users.listAuthMethods() describes password sign-in', async () => {
    const methods = await server.client().collection('users').listAuthMethods();
    assert.equal(methods.password.enabled, true);
    assert.deepEqual(methods.password.identityFields, ['email']);
    assert.equal(methods.oauth2.enabled, false);
    assert.deepEqual(methods.oauth2.providers, []);
    assert.equal(methods.mfa.enabled, false);
    assert.equal(methods.otp.enabled, false);
  });
});
