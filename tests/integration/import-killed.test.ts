// A process killed in the middle of an import: the real bundled app (web bridge + import worker) is started as a
// child process, killed with SIGKILL while importing, and the database is then reopened as the next start would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchesRepository } from '../../electron/batches/repository';
import { IMPORT_CHUNK_ROWS } from '../../electron/batches/import/import-batch';
import { createJobManager } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { startServices } from '../../electron/startup';
import { REPO_ROOT, tempDir, testConfig } from './support/context';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';

const ROWS = 300_000;
let folder: ReturnType<typeof tempDir>;
let child: ChildProcess | undefined;

beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(REPO_ROOT, 'build', 'bundle-main.mjs'), '--quiet'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bundle-main failed: ${built.stderr}`);
  folder = tempDir();
}, 120_000);
afterAll(() => {
  child?.kill('SIGKILL');
  folder.remove();
});

function startApp(dataDir: string): Promise<{ call: (channel: string, input: unknown) => Promise<unknown>; choose: (file: string) => Promise<string> }> {
  child = spawn(process.execPath, [path.join(REPO_ROOT, 'out', 'web.cjs'), '--data-dir', dataDir, '--test-hooks'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /MARKGUARD_WEB_URL=(http:\/\/[^/]+)\/#token=(\S+)/.exec(out);
      if (!match) return;
      const [, origin, token] = match;
      const post = async (route: string, input: unknown) => {
        const response = await fetch(`${origin}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
        return response.json();
      };
      resolve({
        call: (channel, input) => post(`/api/${channel}`, input),
        /** a token for a file, through the main process's open dialog answered by the test queue */
        choose: async (file) => {
          await post('/__test/dialog', { path: file });
          return ((await post('/api/files.open', { purpose: 'table' })) as { value: { token: string } }).value.token;
        },
      });
    });
    child?.on('exit', (code) => reject(new Error(`web bridge exited with ${code}`)));
  });
}

describe('an import killed mid-way', () => {
  it('leaves whole chunks, shows the batch as incomplete at the next start, and resumes to the end', async () => {
    const lines = Array.from({ length: ROWS }, (_, i) => filingLine(String(90_000_000 + i), `测试商标${i}`, { niceClass: (i % 45) + 1 }));
    const file = writeFilings(folder.dir, 'big.csv', lines);
    const dataDir = path.join(folder.dir, 'data');
    const app = await startApp(dataDir);
    const started = (await app.call('batches.startImport', { fileToken: await app.choose(file), kind: 'filing', mapping: FILING_MAPPING })) as { ok: boolean; value: { batchId: number } };
    expect(started.ok).toBe(true);
    for (;;) {
      const progress = (await app.call('batches.progress', { batchId: started.value.batchId })) as { value: { rows: number } };
      if (progress.value.rows >= 2 * IMPORT_CHUNK_ROWS) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child?.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    child = undefined;

    const services = await startServices(testConfig(dataDir), createQueuedDialogs());
    try {
      const batch = await createBatchesRepository(services.ctx.data).get(started.value.batchId);
      const stored = (services.ctx.db.prepare('SELECT count(*) AS n FROM filings').get() as { n: number }).n;
      expect(batch?.status).toBe('failed');
      expect(batch?.message).toMatch(/导入未完成/);
      expect(stored).toBeGreaterThanOrEqual(2 * IMPORT_CHUNK_ROWS);
      expect(stored).toBeLessThan(ROWS);
      expect(stored % IMPORT_CHUNK_ROWS).toBe(0);
      expect(batch?.newRows).toBe(stored);

      const jobs = createJobManager(services.ctx);
      await createBatchService(services.ctx, jobs).resume(started.value.batchId);
      await waitForBatch(jobs, started.value.batchId, 120_000);
      const resumed = await createBatchesRepository(services.ctx.data).get(started.value.batchId);
      expect(resumed).toMatchObject({ status: 'screened', totalRows: ROWS, newRows: ROWS, duplicateRows: 0, badRows: 0 });
      expect(services.ctx.db.prepare('SELECT count(*) AS n FROM filings').get()).toEqual({ n: ROWS });
    } finally {
      services.close();
    }
  }, 180_000);
});

