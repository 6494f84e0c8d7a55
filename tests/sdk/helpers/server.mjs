// Starts the built Satchel host on a free 127.0.0.1 port with a temporary pb_data, for one test file.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PocketBase from 'pocketbase';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SUPERUSER = { email: 'sdk-admin@example.com', password: 'sdk-password-123' };
/** PocketBase's own test data (collections demo1…demo5, users, clients, …), beside the repository. */
export const FIXTURE_DIR = resolve(repoRoot, '..', 'shared', 'conformance', 'pb_data');

/** Copies the fixture into dataDir, made writable (the shared copy is read-only). */
function copyFixture(dataDir) {
  cpSync(FIXTURE_DIR, dataDir, { recursive: true });
  const makeWritable = (path) => {
    chmodSync(path, statSync(path).mode | 0o600 | (statSync(path).isDirectory() ? 0o100 : 0));
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
  };
  makeWritable(dataDir);
}


/** satchel.dll: $SATCHEL_DLL, else the Release build output, else the Debug one. */
export function satchelDll() {
  const candidates = [
    process.env.SATCHEL_DLL,
    join(repoRoot, 'host', 'bin', 'Release', 'net10.0', 'satchel.dll'),
    join(repoRoot, 'host', 'bin', 'Debug', 'net10.0', 'satchel.dll'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`satchel.dll not found (tried ${candidates.join(', ')}); build the host first`);
  return resolve(found);
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** Runs one satchel command to its end; throws with its output when it fails. */
export function satchel(args) {
  const r = spawnSync('dotnet', [satchelDll(), ...args], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) {
    throw new Error(`satchel ${args.join(' ')} exited with ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/**
 * A test plugin from tests/plugins (published by the test project's build beside its assembly),
 * for startServer's `testPlugins`.
 */
export function testPluginDll(name) {
  const config = satchelDll().includes(`${join('bin', 'Release')}`) ? 'Release' : 'Debug';
  const dll = join(repoRoot, 'tests', 'Satchel.Tests', 'bin', config, 'net10.0', 'test-plugins', name, `${name}.dll`);
  if (!existsSync(dll)) throw new Error(`test plugin ${name} not found at ${dll}; build tests/Satchel.Tests first`);
  return dll;
}

/** The plugins.json beside satchel.dll plus the named test plugins, written into `dir`. */
function pluginsFileWith(dir, testPlugins) {
  const defaults = JSON.parse(readFileSync(join(dirname(satchelDll()), 'plugins.json'), 'utf8'));
  const plugins = defaults.plugins.map((p) => ({ ...p, path: p.path ?? join(dirname(satchelDll()), 'plugins', p.name, `${p.name}.dll`) }));
  for (const name of testPlugins) plugins.push({ name, enabled: true, path: testPluginDll(name) });
  const file = join(dir, 'plugins.json');
  writeFileSync(file, JSON.stringify({ plugins }, null, 2));
  return file;
}

/**
 * Starts a server. With `superuser` (default) a superuser is created first with
 * `satchel superuser upsert`; with `fixture` the server runs on a copy of PocketBase's test data;
 * `testPlugins` names test plugins to load besides the default ones.
 * Returns { url, dataDir, client(), superuserClient(), stop() }.
 */
export async function startServer({ superuser = true, fixture = false, testPlugins = [] } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'satchel-sdk-'));
  const dataDir = join(work, 'pb_data');
  let child;
  try {
    if (fixture) copyFixture(dataDir);
    if (superuser) satchel(['superuser', 'upsert', SUPERUSER.email, SUPERUSER.password, `--dir=${dataDir}`]);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const extra = testPlugins.length ? [`--plugins=${pluginsFileWith(work, testPlugins)}`] : [];
    child = spawn('dotnet', [satchelDll(), 'serve', `--http=127.0.0.1:${port}`, `--dir=${dataDir}`, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const exited = new Promise((ok) => child.once('exit', (code) => ok(code)));

    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was healthy\n${output}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`the server was not healthy within 30 s\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    return {
      url,
      dataDir,
      output: () => output,
      /** A fresh anonymous client. */
      client: () => new PocketBase(url),
      /** A fresh client signed in as the superuser. */
      superuserClient: async () => {
        const pb = new PocketBase(url);
        await pb.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);
        return pb;
      },
      stop: async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}

/** Awaits a promise that must be rejected with a ClientResponseError; returns the error. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
