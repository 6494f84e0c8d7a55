import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { startServer } from './helpers/server.mjs';

// Node has no EventSource of its own; the SDK uses the global one.
globalThis.EventSource = EventSource;

/** Collects the events a subscription callback receives, and waits for them. */
function inbox() {
  const events = [];
  const waiters = [];
  return {
    events,
    push(e) {
      events.push(e);
      for (const w of waiters.splice(0)) w();
    },
    async count(n, ms = 5000) {
      const deadline = Date.now() + ms;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} realtime events, got ${events.length}: ${JSON.stringify(events)}`);
        await new Promise((ok) => { waiters.push(ok); setTimeout(ok, 50); });
      }
      return events;
    },
  };
}

const quiet = (ms = 400) => new Promise((ok) => setTimeout(ok, ms));

describe('realtime', () => {
  let server;
  let admin;
  const clients = [];
  let alice;
  let bob;
  let aliceId;
  let bobId;

  async function signedIn(email) {
    const pb = new PocketBase(server.url);
    await pb.collection('users').authWithPassword(email, 'password-123');
    clients.push(pb);
    return pb;
  }

  function guest() {
    const pb = new PocketBase(server.url);
    clients.push(pb);
    return pb;
  }

  before(async () => {
    server = await startServer({ testPlugins: ['realtime-probe'] });
    admin = await server.superuserClient();
    clients.push(admin);
    const users = await admin.collections.getOne('users');
    await admin.collections.create({
      name: 'rt_posts',
      type: 'base',
      // listed to their owner only; any single post may be viewed by anyone
      listRule: 'owner = @request.auth.id',
      viewRule: '',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'owner', type: 'relation', collectionId: users.id, maxSelect: 1 },
      ],
    });
    for (const email of ['alice@example.com', 'bob@example.com']) {
      await admin.collection('users').create({ email, password: 'password-123', passwordConfirm: 'password-123' });
    }
    alice = await signedIn('alice@example.com');
    bob = await signedIn('bob@example.com');
    aliceId = alice.authStore.record.id;
    bobId = bob.authStore.record.id;
  });

  after(async () => {
    for (const pb of clients) pb.realtime.unsubscribe().catch(() => {});
    await server?.stop();
  });

  test('create, update and delete are delivered in order', async () => {
    const box = inbox();
    const unsubscribe = await alice.collection('rt_posts').subscribe('*', (e) => box.push(e));

    const post = await admin.collection('rt_posts').create({ title: 'first', owner: aliceId });
    await admin.collection('rt_posts').update(post.id, { title: 'second' });
    await admin.collection('rt_posts').delete(post.id);

    const events = await box.count(3);
    assert.deepEqual(events.map((e) => e.action), ['create', 'update', 'delete']);
    assert.deepEqual(events.map((e) => e.record.id), [post.id, post.id, post.id]);
    assert.equal(events[0].record.title, 'first');
    assert.equal(events[2].record.title, 'second');
    await unsubscribe();
  });

  test('each user receives only the records its list rule lets it see', async () => {
    const aliceBox = inbox();
    const bobBox = inbox();
    await alice.collection('rt_posts').subscribe('*', (e) => aliceBox.push(e));
    await bob.collection('rt_posts').subscribe('*', (e) => bobBox.push(e));

    await admin.collection('rt_posts').create({ title: 'for alice', owner: aliceId });
    await admin.collection('rt_posts').create({ title: 'for bob', owner: bobId });

    assert.equal((await aliceBox.count(1))[0].record.title, 'for alice');
    assert.equal((await bobBox.count(1))[0].record.title, 'for bob');
    await quiet();
    assert.equal(aliceBox.events.length, 1);
    assert.equal(bobBox.events.length, 1);
    await alice.collection('rt_posts').unsubscribe();
    await bob.collection('rt_posts').unsubscribe();
  });

  test('a record topic follows the view rule while the collection topic follows the list rule', async () => {
    const post = await admin.collection('rt_posts').create({ title: 'watched', owner: aliceId });
    const anonymous = guest();
    const recordBox = inbox();
    const collectionBox = inbox();
    await anonymous.collection('rt_posts').subscribe(post.id, (e) => recordBox.push(e));
    await anonymous.collection('rt_posts').subscribe('*', (e) => collectionBox.push(e));

    await admin.collection('rt_posts').update(post.id, { title: 'watched and changed' });

    const [event] = await recordBox.count(1);
    assert.equal(event.action, 'update');
    assert.equal(event.record.title, 'watched and changed');
    await quiet();
    assert.equal(collectionBox.events.length, 0);
    await anonymous.realtime.unsubscribe();
  });

  test('unsubscribing stops the events', async () => {
    const box = inbox();
    await alice.collection('rt_posts').subscribe('*', (e) => box.push(e));
    await admin.collection('rt_posts').create({ title: 'before', owner: aliceId });
    await box.count(1);

    await alice.collection('rt_posts').unsubscribe('*');
    await admin.collection('rt_posts').create({ title: 'after', owner: aliceId });
    await quiet();
    assert.deepEqual(box.events.map((e) => e.record.title), ['before']);
  });

  test('subscription options (expand, fields) apply to the events', async () => {
    const box = inbox();
    await alice.collection('rt_posts').subscribe('*', (e) => box.push(e), { expand: 'owner', fields: 'id,title,expand.owner.id' });
    await admin.collection('rt_posts').create({ title: 'optioned', owner: aliceId });

    const [event] = await box.count(1);
    assert.deepEqual(Object.keys(event.record).sort(), ['expand', 'id', 'title']);
    assert.equal(event.record.expand.owner.id, aliceId);
    await alice.collection('rt_posts').unsubscribe();
  });

  test('custom topics sent through the broker reach their subscribers', async () => {
    const box = inbox();
    const other = inbox();
    await bob.realtime.subscribe('example', (e) => box.push(e));
    await alice.realtime.subscribe('another', (e) => other.push(e));

    const res = await fetch(`${server.url}/realtime-probe/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'example', data: { hello: 'world' } }),
    });
    assert.deepEqual(await res.json(), { sent: 1 });

    const [event] = await box.count(1);
    assert.deepEqual(event, { hello: 'world' });
    await quiet();
    assert.equal(other.events.length, 0);
    await bob.realtime.unsubscribe('example');
    await alice.realtime.unsubscribe('another');
  });

  test('a client with no subscriptions left disconnects', async () => {
    const pb = guest();
    await pb.collection('rt_posts').subscribe('*', () => {});
    assert.equal(pb.realtime.isConnected, true);
    await pb.collection('rt_posts').unsubscribe();
    assert.equal(pb.realtime.isConnected, false);
  });
});
