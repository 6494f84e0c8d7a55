import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rejection, startServer } from './helpers/server.mjs';

// The records query language, rules per requester and the body modifiers, through the official
// SDK, on a schema made for it: articles with tags, an owner and comments pointing back at them.
describe('records: filters, sort, fields, rules and modifiers', () => {
  let server;
  let su;
  const ids = {};
  const as = {};

  const titles = (items) => items.map((r) => r.title).sort();
  const list = async (pb, options = {}) => (await pb.collection('articles').getList(1, 50, options)).items;
  const filtered = async (filter, pb = su) => titles(await list(pb, { filter }));

  before(async () => {
    server = await startServer();
    su = await server.superuserClient();

    const users = await su.collections.getOne('users');
    for (const name of ['alice', 'bob']) {
      const user = await su.collection('users').create({
        email: `${name}@example.com`, emailVisibility: true, password: `${name}-password-1`, passwordConfirm: `${name}-password-1`, name,
      });
      ids[name] = user.id;
      as[name] = server.client();
      await as[name].collection('users').authWithPassword(`${name}@example.com`, `${name}-password-1`);
    }
    as.guest = server.client();

    const tags = await su.collections.create({
      name: 'tags', type: 'base', listRule: '', viewRule: '',
      fields: [{ name: 'name', type: 'text' }],
    });
    const articles = await su.collections.create({
      name: 'articles',
      type: 'base',
      listRule: 'published = true || owner = @request.auth.id',
      viewRule: 'published = true || owner = @request.auth.id',
      createRule: "@request.auth.id != '' && owner = @request.auth.id",
      updateRule: 'owner = @request.auth.id',
      deleteRule: 'owner = @request.auth.id',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'code', type: 'text', autogeneratePattern: '[a-z]{8}' },
        { name: 'body', type: 'editor' },
        { name: 'views', type: 'number' },
        { name: 'published', type: 'bool' },
        { name: 'published_at', type: 'date' },
        { name: 'labels', type: 'select', maxSelect: 3, values: ['a', 'b', 'c'] },
        { name: 'tags', type: 'relation', collectionId: tags.id, maxSelect: 10 },
        { name: 'owner', type: 'relation', collectionId: users.id, maxSelect: 1 },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      ],
    });
    await su.collections.create({
      name: 'comments', type: 'base', listRule: '', viewRule: '',
      fields: [
        { name: 'article', type: 'relation', collectionId: articles.id, maxSelect: 1 },
        { name: 'author', type: 'relation', collectionId: users.id, maxSelect: 1 },
        { name: 'text', type: 'text' },
      ],
    });

    for (const name of ['js', 'go', 'db']) ids[name] = (await su.collection('tags').create({ name })).id;
    const article = (title, values) => su.collection('articles').create({ title, ...values }).then((r) => { ids[title] = r.id; });
    // created in this order: @rowid sorts follow it
    await article('Alpha', {
      views: 10, published: true, labels: ['a', 'b'], tags: [ids.js, ids.go], owner: ids.alice,
      published_at: '2024-01-01 10:00:00.000Z', body: '<p>Lorem ipsum <b>dolor</b> sit amet, consectetur</p>',
    });
    await article('Beta', { views: 20, published: false, labels: ['b'], tags: [ids.go], owner: ids.alice });
    await article('Gamma', { views: 30, published: true, tags: [ids.db], owner: ids.bob });
    await article('delta', { views: 5, published: true, labels: ['c'], owner: ids.bob });

    await su.collection('comments').create({ article: ids.Alpha, author: ids.bob, text: 'nice' });
    await su.collection('comments').create({ article: ids.Alpha, author: ids.alice, text: "thanks, it's new" });
    await su.collection('comments').create({ article: ids.Gamma, author: ids.alice, text: 'hm' });
  });
  after(async () => { await server?.stop(); });

  test('comparison operators', async () => {
    assert.deepEqual(await filtered('views = 20'), ['Beta']);
    assert.deepEqual(await filtered('views != 20'), ['Alpha', 'Gamma', 'delta']);
    assert.deepEqual(await filtered('views > 10'), ['Beta', 'Gamma']);
    assert.deepEqual(await filtered('views >= 20'), ['Beta', 'Gamma']);
    assert.deepEqual(await filtered('views < 10'), ['delta']);
    assert.deepEqual(await filtered('views <= 10'), ['Alpha', 'delta']);
    // ~ is a case-insensitive "contains" (or a LIKE pattern when it has %), !~ its negation
    assert.deepEqual(await filtered("title ~ 'ALP'"), ['Alpha']);
    assert.deepEqual(await filtered("title ~ 'a%a'"), ['Alpha']);
    assert.deepEqual(await filtered("title !~ 'a'"), []);
    assert.deepEqual(await filtered("title !~ 'et'"), ['Alpha', 'Gamma', 'delta']);
  });

  test('literals, logic, parentheses and comments', async () => {
    assert.deepEqual(await filtered('published = false'), ['Beta']);
    assert.deepEqual(await filtered('published_at = null'), ['Beta', 'Gamma', 'delta']);
    assert.deepEqual(await filtered("published_at != ''"), ['Alpha']);
    assert.deepEqual(await filtered('views > 5.5 && views < 25'), ['Alpha', 'Beta']);
    assert.deepEqual(await filtered("views = 5 || title = 'Beta'"), ['Beta', 'delta']);
    assert.deepEqual(await filtered("(views > 15 || title = 'Alpha') && published = true"), ['Alpha', 'Gamma']);
    assert.deepEqual(await filtered("views > 15 // the popular ones\n && published = true"), ['Gamma']);
    // placeholders as pb.filter() writes them, quotes included
    assert.deepEqual(await filtered(su.filter('comments_via_article.text ?= {:t}', { t: "thanks, it's new" })), ['Alpha']);
    assert.deepEqual(await filtered(su.filter('views >= {:n} && published = {:p}', { n: 10, p: true })), ['Alpha', 'Gamma']);
  });

  test('multi-valued fields: all items by default, any item with ?', async () => {
    // a multiple select column holds a JSON array: compared as text, item by item with :each
    assert.deepEqual(await filtered("labels ~ 'b'"), ['Alpha', 'Beta']);
    assert.deepEqual(await filtered("labels = 'b'"), []);
    assert.deepEqual(await filtered("labels:each = 'b'"), ['Beta']);
    assert.deepEqual(await filtered("labels:each ?= 'a'"), ['Alpha']);
    assert.deepEqual(await filtered("tags.name ?= 'go'"), ['Alpha', 'Beta']);
    assert.deepEqual(await filtered("tags.name = 'go'"), ['Beta']);
    // not-equal compares with IS NOT, so a record without tags has one that is "not go"
    assert.deepEqual(await filtered("tags.name ?!= 'go'"), ['Alpha', 'Gamma', 'delta']);
    assert.deepEqual(await filtered("tags.name ?~ 'J'"), ['Alpha']);
    assert.deepEqual(await filtered("tags.name ?!~ 'o'"), ['Alpha', 'Gamma']);
    assert.deepEqual(await filtered('comments_via_article.text ?> "n"'), ['Alpha']);
    assert.deepEqual(await filtered('comments_via_article.text ?>= "nice"'), ['Alpha']);
    assert.deepEqual(await filtered('comments_via_article.text ?< "i"'), ['Gamma']);
    assert.deepEqual(await filtered('comments_via_article.text ?<= "hm"'), ['Gamma']);
  });

  test('relation paths, back-relations, @collection and modifiers', async () => {
    assert.deepEqual(await filtered("owner.email = 'bob@example.com'"), ['Gamma', 'delta']);
    assert.deepEqual(await filtered(`comments_via_article.author ?= '${ids.bob}'`), ['Alpha']);
    assert.deepEqual(await filtered("@collection.comments.article ?= id && @collection.comments.text ?= 'hm'"), ['Gamma']);
    assert.deepEqual(await filtered("@collection.comments:c.article ?= id && @collection.comments:c.text ?= 'hm'"), ['Gamma']);
    assert.deepEqual(await filtered('labels:length = 2'), ['Alpha']);
    assert.deepEqual(await filtered('tags:length = 0'), ['delta']);
    assert.deepEqual(await filtered("labels:each != 'c' && labels:length > 0"), ['Alpha', 'Beta']);
    assert.deepEqual(await filtered("title:lower = 'alpha' || title:lower = 'delta'"), ['Alpha', 'delta']);
    assert.deepEqual(await filtered("owner.name:lower = 'alice'"), ['Alpha', 'Beta']);
  });

  test('datetime macros', async () => {
    assert.deepEqual(await filtered("published_at > '2023-12-31' && published_at < @now"), ['Alpha']);
    assert.deepEqual(await filtered('published_at > @yearStart'), []);
    assert.deepEqual(await filtered('created > @yesterday && created <= @now && created < @tomorrow'), ['Alpha', 'Beta', 'Gamma', 'delta']);
    assert.deepEqual(await filtered('@todayStart <= @now && @now <= @todayEnd && @monthStart < @monthEnd && views = 5'), ['delta']);
    assert.deepEqual(await filtered('created > @now'), []);
    assert.deepEqual(await filtered("@month >= 1 && @year >= 2024 && @weekday >= 0 && published = false"), ['Beta']);
  });

  test('@request and @collection in a client filter are for superusers only; bad filters are 400', async () => {
    assert.equal((await rejection(list(as.alice, { filter: "@request.auth.id != ''" }))).status, 403);
    assert.equal((await rejection(list(as.guest, { filter: "@collection.comments.text = 'hm'" }))).status, 403);
    assert.equal((await rejection(list(as.alice, { sort: '@request.auth.id' }))).status, 403);
    assert.deepEqual(titles(await list(su, { filter: "@request.auth.id != ''" })), ['Alpha', 'Beta', 'Gamma', 'delta']);
    assert.equal((await rejection(list(as.guest, { filter: 'nope = 1' }))).status, 400);
    assert.equal((await rejection(list(as.guest, { filter: "title = 'unclosed" }))).status, 400);
    assert.equal((await rejection(list(as.guest, { filter: '(views > 1' }))).status, 400);
    assert.equal((await rejection(list(as.guest, { sort: 'nope' }))).status, 400);
  });

  test('sort: fields, directions, relation paths, @rowid and @random', async () => {
    const order = async (sort) => (await list(su, { sort })).map((r) => r.title);
    assert.deepEqual(await order('-views'), ['Gamma', 'Beta', 'Alpha', 'delta']);
    assert.deepEqual(await order('+title'), ['Alpha', 'Beta', 'Gamma', 'delta']);
    assert.deepEqual(await order('owner.name,-views'), ['Beta', 'Alpha', 'Gamma', 'delta']);
    assert.deepEqual(await order('@rowid'), ['Alpha', 'Beta', 'Gamma', 'delta']);
    assert.deepEqual(await order('-@rowid'), ['delta', 'Gamma', 'Beta', 'Alpha']);
    assert.deepEqual((await order('@random')).sort(), ['Alpha', 'Beta', 'Gamma', 'delta']);
    const page = await su.collection('articles').getList(2, 3, { sort: 'views' });
    assert.deepEqual([page.totalItems, page.totalPages, page.items.map((r) => r.title)], [4, 2, ['Gamma']]);
    const skipped = await su.collection('articles').getList(1, 2, { sort: 'views', skipTotal: true });
    assert.deepEqual([skipped.totalItems, skipped.totalPages, skipped.items.length], [-1, -1, 2]);
  });

  test('expand (relations and back-relations) and fields with excerpt', async () => {
    const alpha = await su.collection('articles').getOne(ids.Alpha, {
      expand: 'owner,tags,comments_via_article.author',
      fields: 'title,body:excerpt(11,true),expand.owner.name,expand.tags.name,expand.comments_via_article.text,expand.comments_via_article.expand.author.name',
    });
    assert.deepEqual(alpha, {
      title: 'Alpha',
      body: 'Lorem ipsum...',
      expand: {
        owner: { name: 'alice' },
        tags: [{ name: 'js' }, { name: 'go' }],
        comments_via_article: [
          { text: 'nice', expand: { author: { name: 'bob' } } },
          { text: "thanks, it's new", expand: { author: { name: 'alice' } } },
        ],
      },
    });
    const plain = await su.collection('articles').getOne(ids.Alpha, { fields: 'body:excerpt(200)' });
    assert.deepEqual(plain, { body: 'Lorem ipsum dolor sit amet, consectetur' });
    const star = await su.collection('articles').getList(1, 1, { sort: 'title', fields: '*,expand.owner.email', expand: 'owner' });
    assert.equal(star.items[0].title, 'Alpha');
    assert.deepEqual(star.items[0].expand, { owner: { email: 'alice@example.com' } });
  });

  test('rules as guest, owner, other user and superuser', async () => {
    assert.deepEqual(titles(await list(as.guest)), ['Alpha', 'Gamma', 'delta']);
    assert.deepEqual(titles(await list(as.alice)), ['Alpha', 'Beta', 'Gamma', 'delta']);
    assert.deepEqual(titles(await list(as.bob)), ['Alpha', 'Gamma', 'delta']);
    assert.deepEqual(titles(await list(su)), ['Alpha', 'Beta', 'Gamma', 'delta']);

    // view: a draft is the owner's; others get 404, as if it did not exist
    assert.equal((await as.alice.collection('articles').getOne(ids.Beta)).title, 'Beta');
    assert.equal((await rejection(as.bob.collection('articles').getOne(ids.Beta))).status, 404);
    assert.equal((await rejection(as.guest.collection('articles').getOne(ids.Beta))).status, 404);

    // expanded records follow their own collection's view rule (users: only oneself)
    const forAlice = await as.alice.collection('articles').getOne(ids.Alpha, { expand: 'owner' });
    assert.equal(forAlice.expand.owner.name, 'alice');
    const forBob = await as.bob.collection('articles').getOne(ids.Alpha, { expand: 'owner' });
    assert.equal(forBob.expand?.owner, undefined);

    // create: signed in, and only for oneself
    assert.equal((await rejection(as.guest.collection('articles').create({ title: 'x', owner: ids.alice }))).status, 400);
    assert.equal((await rejection(as.alice.collection('articles').create({ title: 'x', owner: ids.bob }))).status, 400);
    const mine = await as.alice.collection('articles').create({ title: 'Mine', owner: ids.alice });

    // update and delete: the owner only (others 404), superusers always
    assert.equal((await rejection(as.bob.collection('articles').update(mine.id, { title: 'taken' }))).status, 404);
    assert.equal((await as.alice.collection('articles').update(mine.id, { title: 'Mine, edited' })).title, 'Mine, edited');
    assert.equal((await su.collection('articles').update(mine.id, { views: 1 })).views, 1);
    assert.equal((await rejection(as.bob.collection('articles').delete(mine.id))).status, 404);
    assert.equal((await rejection(as.guest.collection('articles').delete(mine.id))).status, 404);
    assert.equal(await as.alice.collection('articles').delete(mine.id), true);
  });

  test('body modifiers: append, prepend, remove, add, subtract, autogenerate', async () => {
    const post = await su.collection('articles').create({ title: 'Modified', views: 10, labels: ['b'], tags: [ids.go] });
    assert.match(post.code, /^[a-z]{8}$/);
    const update = (body) => su.collection('articles').update(post.id, body);

    assert.deepEqual((await update({ 'labels+': 'c', '+labels': 'a' })).labels, ['a', 'b', 'c']);
    assert.deepEqual((await update({ 'labels-': ['a', 'c'] })).labels, ['b']);
    assert.deepEqual((await update({ 'tags+': [ids.db, ids.js] })).tags, [ids.go, ids.db, ids.js]);
    assert.deepEqual((await update({ '+tags': ids.js })).tags, [ids.js, ids.go, ids.db]); // moved to the front, not repeated
    assert.deepEqual((await update({ 'tags-': ids.go })).tags, [ids.js, ids.db]);
    assert.equal((await update({ 'views+': 5 })).views, 15);
    assert.equal((await update({ 'views-': 20 })).views, -5);

    const renamed = await update({ 'code:autogenerate': 'x-' });
    assert.match(renamed.code, /^x-[a-z]{8}$/);
    assert.notEqual(renamed.code, post.code);

    // a field left out keeps its value; an empty value clears it
    const cleared = await update({ labels: [], views: 0 });
    assert.deepEqual([cleared.labels, cleared.views, cleared.tags], [[], 0, [ids.js, ids.db]]);
    await su.collection('articles').delete(post.id);
  });
});
