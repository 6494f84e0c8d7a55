import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rejection, startServer } from './helpers/server.mjs';

// One field of every PocketBase field type, with type specific settings that must survive the round trip.
function everyFieldType(usersId) {
  return [
    { name: 'title', type: 'text', required: true, min: 1, max: 100, pattern: '^[a-z ]+$' },
    { name: 'count', type: 'number', min: 0, max: 1000, onlyInt: true },
    { name: 'active', type: 'bool' },
    { name: 'contact', type: 'email', onlyDomains: ['example.com'] },
    { name: 'site', type: 'url', exceptDomains: ['bad.example.com'] },
    { name: 'body', type: 'editor', maxSize: 10000, convertURLs: true },
    { name: 'due', type: 'date', min: '2020-01-01 00:00:00.000Z' },
    { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
    { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    { name: 'tags', type: 'select', values: ['a', 'b', 'c'], maxSelect: 2 },
    { name: 'attachment', type: 'file', maxSelect: 1, maxSize: 1048576, mimeTypes: ['image/png'], thumbs: ['100x100'] },
    { name: 'owner', type: 'relation', collectionId: usersId, maxSelect: 1, cascadeDelete: false },
    { name: 'meta', type: 'json', maxSize: 2000 },
    { name: 'location', type: 'geoPoint' },
    { name: 'secret', type: 'password', min: 8, hidden: true },
  ];
}

describe('collections', () => {
  let server;
  let pb;
  before(async () => {
    server = await startServer();
    pb = await server.superuserClient();
  });
  after(async () => { await server?.stop(); });

  test('create, read, update and delete a collection with every field type', async () => {
    const users = await pb.collections.getOne('users');
    const created = await pb.collections.create({
      name: 'sdk_everything',
      type: 'base',
      listRule: '',
      viewRule: null,
      fields: everyFieldType(users.id),
      indexes: ['CREATE INDEX idx_sdk_everything_title ON sdk_everything (title)'],
    });

    assert.equal(typeof created.id, 'string');
    assert.equal(created.name, 'sdk_everything');
    assert.equal(created.type, 'base');
    assert.equal(created.listRule, '');
    assert.equal(created.viewRule, null);
    const byName = Object.fromEntries(created.fields.map((f) => [f.name, f]));
    assert.equal(byName.id.type, 'text', 'the id primary key field is added');
    assert.equal(byName.id.primaryKey, true);
    for (const f of everyFieldType(users.id)) {
      assert.ok(byName[f.name], `field ${f.name} is missing`);
      assert.equal(byName[f.name].type, f.type);
      assert.equal(typeof byName[f.name].id, 'string');
    }
    assert.equal(byName.count.onlyInt, true);
    assert.deepEqual(byName.tags.values, ['a', 'b', 'c']);
    assert.equal(byName.tags.maxSelect, 2);
    assert.equal(byName.owner.collectionId, users.id);
    assert.deepEqual(byName.contact.onlyDomains, ['example.com']);
    assert.deepEqual(byName.attachment.mimeTypes, ['image/png']);
    assert.equal(byName.meta.maxSize, 2000);
    assert.equal(byName.updated.onUpdate, true);
    assert.equal(created.indexes.length, 1);

    const fetched = await pb.collections.getOne(created.id);
    assert.deepEqual(fetched, created);

    const updated = await pb.collections.update(created.id, {
      name: 'sdk_renamed',
      fields: [...created.fields, { name: 'extra', type: 'text' }],
      createRule: '@request.auth.id != ""',
    });
    assert.equal(updated.id, created.id);
    assert.equal(updated.name, 'sdk_renamed');
    assert.equal(updated.createRule, '@request.auth.id != ""');
    assert.ok(updated.fields.some((f) => f.name === 'extra' && f.type === 'text'));

    assert.equal(await pb.collections.delete(created.id), true);
    const err = await rejection(pb.collections.getOne(created.id));
    assert.equal(err.status, 404);
  });

  test('an auth collection gets the system auth fields', async () => {
    const created = await pb.collections.create({
      name: 'sdk_members',
      type: 'auth',
      fields: [{ name: 'nickname', type: 'text' }],
      passwordAuth: { enabled: true, identityFields: ['email'] },
    });
    const names = created.fields.map((f) => f.name);
    for (const system of ['id', 'password', 'tokenKey', 'email', 'emailVisibility', 'verified', 'nickname']) {
      assert.ok(names.includes(system), `missing ${system}`);
    }
    const password = created.fields.find((f) => f.name === 'password');
    assert.equal(password.hidden, true);
    assert.equal(password.system, true);
    assert.equal(created.passwordAuth.enabled, true);
    await pb.collections.delete(created.id);
  });

  test('getFullList returns every collection, the system ones included', async () => {
    const all = await pb.collections.getFullList();
    const names = all.map((c) => c.name);
    for (const name of ['users', '_superusers', '_externalAuths', '_mfas', '_otps', '_authOrigins']) {
      assert.ok(names.includes(name), `missing ${name}`);
    }
  });

  test('a duplicate name is a 400 with the field error code', async () => {
    const err = await rejection(pb.collections.create({ name: 'users', type: 'base' }));
    assert.equal(err.status, 400);
    assert.equal(err.response.data.name.code, 'validation_collection_name_exists');
    assert.equal(typeof err.response.data.name.message, 'string');
  });
});
