import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rejection, startServer } from './helpers/server.mjs';

// The records API through the official SDK, on a copy of PocketBase's test data.
describe('records', () => {
  let server;
  let su;
  before(async () => {
    server = await startServer({ fixture: true });
    su = await server.superuserClient();
  });
  after(async () => { await server?.stop(); });

  // The fixture's users collection asks for MFA on password sign-in, so the tests act as its
  // records through a superuser impersonation.
  const actingAs = (collection, id) => su.collection(collection).impersonate(id, 3600);

  test('getList pages and counts, getFullList fetches everything', async () => {
    const page = await server.client().collection('demo2').getList(1, 2, { sort: 'title' });
    assert.equal(page.page, 1);
    assert.equal(page.perPage, 2);
    assert.equal(page.totalItems, 3);
    assert.equal(page.totalPages, 2);
    assert.deepEqual(page.items.map((r) => r.title), ['test1', 'test2']);

    const all = await server.client().collection('demo2').getFullList({ sort: '-title' });
    assert.deepEqual(all.map((r) => r.title), ['test3', 'test2', 'test1']);
  });

  test('getOne and getFirstListItem with pb.filter() placeholders', async () => {
    const pb = server.client();
    const one = await pb.collection('demo2').getOne('0yxhwia2amd8gec');
    assert.equal(one.title, 'test3');
    assert.equal(one.collectionName, 'demo2');

    const found = await pb.collection('demo2').getFirstListItem(pb.filter('title = {:title} && active = {:active}', { title: "test2", active: true }));
    assert.equal(found.id, 'achvryl401bhse3');

    const quoted = await pb.collection('demo2').getList(1, 10, { filter: pb.filter('title ~ {:q}', { q: "it's" }) });
    assert.equal(quoted.totalItems, 0);
  });

  test('create, update with modifiers and delete', async () => {
    const pb = server.client();
    const created = await pb.collection('demo2').create({ title: 'from the sdk' });
    assert.match(created.id, /^[a-z0-9]{15}$/);
    assert.equal(created.active, false);

    const updated = await pb.collection('demo2').update(created.id, { active: true, title: 'renamed by the sdk' });
    assert.equal(updated.title, 'renamed by the sdk');
    assert.equal(updated.active, true);

    const summed = await pb.collection('demo5').create({ 'total+': 4, 'total-': 1 });
    assert.equal(summed.total, 3);

    assert.equal(await pb.collection('demo2').delete(created.id), true);
    const missing = await rejection(pb.collection('demo2').getOne(created.id));
    assert.equal(missing.status, 404);
  });

  test('FormData bodies with several values per key', async () => {
    const form = new FormData();
    form.append('select_many', 'optionA');
    form.append('select_many', 'optionC');
    form.append('text', 'from a form');
    const created = await su.collection('demo1').create(form);
    assert.deepEqual(created.select_many, ['optionA', 'optionC']);
    assert.equal(created.text, 'from a form');
  });

  test('validation errors arrive as ClientResponseError data', async () => {
    const err = await rejection(server.client().collection('demo2').create({ title: 'test1' }));
    assert.equal(err.status, 400);
    assert.equal(err.response.data.title.code, 'validation_not_unique');
  });

  test('expand, back-relations and fields', async () => {
    const record = await server.client().collection('demo5').getOne('qjeql998mtp1azp', {
      expand: 'rel_one.self_rel_one',
    }).catch(() => null);
    // demo5's view rule is not satisfied by guests: use the superuser for the nested walk
    assert.equal(record, null);

    const nested = await su.collection('demo5').getOne('qjeql998mtp1azp', { expand: 'rel_one.self_rel_one' });
    assert.equal(nested.expand.rel_one.id, 'i9naidtvr6qsgb4');
    assert.equal(nested.expand.rel_one.expand.self_rel_one.id, 'qzaqccwrmva4o1n');

    const back = await su.collection('demo3').getOne('lcl9d87w22ml6jy', { expand: 'demo4_via_rel_one_no_cascade_required' });
    assert.deepEqual(back.expand.demo4_via_rel_one_no_cascade_required.map((r) => r.id), ['qzaqccwrmva4o1n', 'i9naidtvr6qsgb4']);

    const picked = await server.client().collection('demo4').getOne('qzaqccwrmva4o1n', {
      expand: 'self_rel_one',
      fields: 'id,expand.self_rel_one.title',
    });
    assert.deepEqual(picked, { id: 'qzaqccwrmva4o1n', expand: { self_rel_one: { title: 'test2' } } });
  });

  test('rules per user: list filtering, view 404, locked 403', async () => {
    const user = await actingAs('users', '4q1xlclmfloku33');
    const client = await actingAs('clients', 'gk390qegs4y47wn');

    assert.equal((await user.collection('demo3').getList()).totalItems, 0);
    assert.equal((await client.collection('demo3').getList()).totalItems, 4);

    const self = await user.collection('users').getOne(user.authStore.record.id);
    assert.equal(self.email, 'test@example.com');
    const other = await rejection(user.collection('users').getOne('bgs820n361vj1qd'));
    assert.equal(other.status, 404);

    const locked = await rejection(user.collection('demo1').getList());
    assert.equal(locked.status, 403);
    assert.ok((await su.collection('demo1').getList()).totalItems >= 3);
  });

  test('sign-up through create, then password sign-in (answered with its MFA step)', async () => {
    const pb = server.client();
    const user = await pb.collection('users').create({
      email: 'sdk.signup@example.com',
      password: 'sdk-password',
      passwordConfirm: 'sdk-password',
    });
    assert.equal(user.verified, false);
    assert.equal(user.password, undefined);
    const mfa = await rejection(pb.collection('users').authWithPassword('sdk.signup@example.com', 'sdk-password'));
    assert.equal(mfa.status, 401);
    assert.equal(typeof mfa.response.mfaId, 'string');
    const wrong = await rejection(pb.collection('users').authWithPassword('sdk.signup@example.com', 'not-the-password'));
    assert.equal(wrong.status, 400);

    const mismatch = await rejection(pb.collection('users').create({ email: 'x@example.com', password: 'sdk-password', passwordConfirm: 'other-password' }));
    assert.equal(mismatch.response.data.passwordConfirm.code, 'validation_values_mismatch');
  });
});
