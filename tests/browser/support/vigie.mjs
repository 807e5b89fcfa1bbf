// A real `vigie serve --demo` for the browser tests, on a free loopback port and a temporary
// data directory, with a demo company built by `vigie demo` first (smaller than the default one,
// so that the sanitizer build makes it in seconds; serve --demo then finds the store filled and
// only adds the demo accounts) and its delay model trained (the pages show predictions). Triage
// is not trained: the sanitizer build would take minutes, so serve runs with --no-train and
// the incidents keep the labels their chiefs gave. VIGIE_BINARY is set by CTest.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.env.VIGIE_BINARY;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitReady(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vigie did not become ready within ${seconds} s`);
}

// { url, dataDir, adminToken, api(path, {method, body, token}), stop() }
export async function startVigie({ sites = 30, years = 2 } = {}) {
  if (!binary) throw new Error('VIGIE_BINARY is not set (run the browser tests through ctest)');
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-browser-'));
  execFileSync(binary, ['--data-dir', dataDir, 'demo', '--sites', String(sites), '--years', String(years)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(binary, ['--data-dir', dataDir, 'train', 'delay'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await freePort();
  const child = spawn(binary, ['--data-dir', dataDir, '--log-level', 'warn', 'serve', '--demo', '--no-train', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, 120);
  const adminToken = readFileSync(join(dataDir, 'demo-admin-token'), 'utf8').trim();
  return {
    url,
    dataDir,
    adminToken,
    // The API as the demo's admin (or `token`): GET by default, a JSON body when given.
    async api(path, { method = 'GET', body, token = adminToken } = {}) {
      const headers = { Authorization: `Bearer ${token}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
