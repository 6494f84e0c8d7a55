import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rejection, startServer } from './helpers/server.mjs';
import { linkToken, otpCode, startSmtp } from './helpers/smtp.mjs';

const PASSWORD = 'sdk-user-pass-123';
let counter = 0;
const newEmail = (prefix) => `${prefix}-${Date.now()}-${++counter}@example.com`;

describe('auth flows with mailed links and codes', () => {
  let server;
  let smtp;
  let admin;

  before(async () => {
    smtp = await startSmtp();
    server = await startServer();
    admin = await server.superuserClient();
    await admin.settings.update({
      smtp: { enabled: true, host: '127.0.0.1', port: smtp.port, tls: false },
      meta: { appName: 'SdkFlows', appURL: 'http://sdk.test', senderName: 'SDK', senderAddress: 'noreply@sdk.test' },
    });
    await admin.collections.update('users', { otp: { enabled: true, length: 6 } });
  });

  after(async () => {
    await server?.stop();
    await smtp?.close();
  });

  test('sign-up, then the mailed verification link verifies the account', async () => {
    const email = newEmail('signup');
    const pb = server.client();
    const created = await pb.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD });
    assert.equal(created.verified, false);

    await pb.collection('users').authWithPassword(email, PASSWORD);
    assert.equal(pb.authStore.record.verified, false);

    assert.equal(await pb.collection('users').requestVerification(email), true);
    const token = linkToken(await smtp.take(email, 'Verify'), 'confirm-verification');
    assert.equal(await pb.collection('users').confirmVerification(token), true);

    // The SDK marks its signed-in record verified, and the server agrees.
    assert.equal(pb.authStore.record.verified, true);
    assert.equal((await admin.collection('users').getOne(created.id)).verified, true);
  });

  test('an unknown address is answered like a known one', async () => {
    assert.equal(await server.client().collection('users').requestVerification(newEmail('nobody')), true);
    const otp = await server.client().collection('users').requestOTP(newEmail('nobody'));
    assert.match(otp.otpId, /^[a-z0-9]{15}$/);
  });

  test('signs in with the mailed one-time password', async () => {
    const email = newEmail('otp');
    const pb = server.client();
    const created = await pb.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD });

    const methods = await pb.collection('users').listAuthMethods();
    assert.equal(methods.otp.enabled, true);

    const { otpId } = await pb.collection('users').requestOTP(email);
    const code = otpCode(await smtp.take(email, 'OTP'));
    assert.match(code, /^\d{6}$/);

    const auth = await pb.collection('users').authWithOTP(otpId, code);
    assert.equal(auth.record.id, created.id);
    assert.equal(pb.authStore.isValid, true);
    assert.equal(pb.authStore.record.email, email);

    // A code works once.
    const err = await rejection(server.client().collection('users').authWithOTP(otpId, code));
    assert.equal(err.status, 400);
  });

  test('MFA: a password sign-in is completed with a mailed one-time password', async () => {
    await admin.collections.update('users', { mfa: { enabled: true } });
    try {
      const email = newEmail('mfa');
      const pb = server.client();
      await pb.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD });

      const err = await rejection(pb.collection('users').authWithPassword(email, PASSWORD));
      assert.equal(err.status, 401);
      const mfaId = err.response.mfaId;
      assert.equal(typeof mfaId, 'string');
      assert.equal(pb.authStore.isValid, false);

      const { otpId } = await pb.collection('users').requestOTP(email);
      const code = otpCode(await smtp.take(email, 'OTP'));
      const auth = await pb.collection('users').authWithOTP(otpId, code, { mfaId });

      assert.equal(auth.record.email, email);
      assert.equal(pb.authStore.isValid, true);
    } finally {
      await admin.collections.update('users', { mfa: { enabled: false } });
    }
  });

  test('password reset from the mailed link', async () => {
    const email = newEmail('reset');
    const pb = server.client();
    await pb.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD });

    await pb.collection('users').requestPasswordReset(email);
    const token = linkToken(await smtp.take(email, 'Reset'), 'confirm-password-reset');
    await pb.collection('users').confirmPasswordReset(token, 'brand-new-pass-1', 'brand-new-pass-1');

    await rejection(server.client().collection('users').authWithPassword(email, PASSWORD));
    const auth = await server.client().collection('users').authWithPassword(email, 'brand-new-pass-1');
    assert.equal(auth.record.email, email);
  });
});
