// `batchtrack serve` for the tests, in a child process on a fresh SQLite database under a
// temporary folder: the repository's .venv (or BATCHTRACK_PYTHON), migrated on start,
// webhooks allowed to this machine over http. Waits for /healthz, never a fixed pause.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const STARTUP_SECONDS = 60;

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface LiveServer {
  url: string;
  /** What the verification mail's token would do, through the operator's command on the
   * server's database (a test server's mail reaches nobody). */
  verifyEmail(email: string): void;
  stop(): Promise<void>;
}

export async function startServer(settings: Record<string, string> = {}): Promise<LiveServer> {
  const workdir = mkdtempSync(join(tmpdir(), 'batchtrack-ts-'));
  const port = await freePort();
  const python = process.env['BATCHTRACK_PYTHON'] ?? join(REPOSITORY, '.venv/bin/python');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    PYTHONPATH: REPOSITORY,
    DATABASE_URL: `sqlite+aiosqlite:///${join(workdir, 'batchtrack.db')}`,
    SECRET_KEY: 'typescript-sdk-tests',
    AUTO_MIGRATE: 'true',
    LOG_LEVEL: 'WARNING',
    HOST: '127.0.0.1',
    PORT: String(port),
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOWED_HOSTS: '["127.0.0.1"]',
    ...settings,
  };
  const log = openSync(join(workdir, 'server.log'), 'a');
  const child: ChildProcess = spawn(python, ['-m', 'server.cli', 'serve'], {
    cwd: workdir,
    env,
    stdio: ['ignore', log, log],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_SECONDS * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited; see ${workdir}/server.log`);
    const healthy = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within ${STARTUP_SECONDS} s`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url: `${base}/graphql`,
    verifyEmail: (email: string) => {
      execFileSync(python, ['-m', 'server.cli', 'verify-email', email], { cwd: workdir, env });
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
