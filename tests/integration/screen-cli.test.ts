// The screen command line, run as a user runs it: the bundled CLI in a child process. Dev-set quality targets are
// checked with ../shared/bench/score.mjs when ../shared is present (read at run time, never copied); bad input
// must give a clear message, exit status 2 and no output file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const shared = path.resolve(root, '../shared/bench');
const dev = path.join(shared, 'dev');
const hasDev = existsSync(path.join(dev, 'filings.labels.csv')) && existsSync(path.join(shared, 'score.mjs'));
if (!hasDev) console.warn(`screen-cli: ${dev} not found — the dev-set quality tests are skipped (they need ../shared/bench)`);

const fixtures = path.join(root, 'tests/fixtures/screen');
const work = mkdtempSync(path.join(tmpdir(), 'markguard-cli-'));
const cli = path.join(work, 'screen.cjs');

beforeAll(async () => {
  // only the CLI and its worker, into a temporary folder: independent of the app's other entries
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3'], logLevel: 'warning' };
  await build({ ...common, entryPoints: [path.join(root, 'electron/cli/screen.ts')], outfile: cli });
  await build({ ...common, entryPoints: [path.join(root, 'electron/workers/screen-worker.ts')], outfile: path.join(work, 'screen-worker.cjs') });
}, 120_000);

function run(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stderr: r.stderr };
}

interface Score { recall: number; top1: number; falseFlag: Record<string, number> }
function score(labels: string, hits: string): Score {
  const r = spawnSync(process.execPath, [path.join(shared, 'score.mjs'), labels, hits, '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Score;
}

describe('dev set quality (issue 3 targets)', () => {
  it.skipIf(!hasDev)('filings: recall ≥ 0.97, top-1 ≥ 0.95, false flags within limits', () => {
    const out = path.join(work, 'filings.jsonl');
    const r = run(['--registry', path.join(dev, 'registry.csv'), '--filings', path.join(dev, 'filings.csv'), '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const s = score(path.join(dev, 'filings.labels.csv'), out);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.top1).toBeGreaterThanOrEqual(0.95);
    expect(s.falseFlag.negative ?? 0).toBeLessThanOrEqual(0.005);
    expect(s.falseFlag.hard_negative ?? 0).toBeLessThanOrEqual(0.05);
    expect(s.falseFlag.owner ?? 0).toBe(0);
    expect(s.falseFlag.class_negative ?? 0).toBeLessThanOrEqual(0.1);
  });
  it.skipIf(!hasDev)('listings: recall ≥ 0.95, false flags within limits', () => {
    const out = path.join(work, 'listings.jsonl');
    const r = run(['--registry', path.join(dev, 'registry.csv'), '--listings', path.join(dev, 'listings.csv'), '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const s = score(path.join(dev, 'listings.labels.csv'), out);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.falseFlag.negative ?? 0).toBeLessThanOrEqual(0.01);
    expect(s.falseFlag.hard_negative ?? 0).toBeLessThanOrEqual(0.2);
  });
});

describe('screen CLI on our fixtures', () => {
  it('writes one JSON line per hit in the documented format', () => {
    const out = path.join(work, 'fixture-hits.jsonl');
    const r = run(['--registry', path.join(fixtures, 'registry.csv'), '--filings', path.join(fixtures, 'filings.csv'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/完成/);
    const hits = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(hits.map((h) => [h.id, h.markId])).toEqual([['90000001', 'T01'], ['90000002', 'T02'], ['90000003', 'T03']]);
    expect(hits[0]).toMatchObject({ source: 'filing', reasons: ['traditional'], text: '金鳳凰', markText: '金凤凰' });
    expect(typeof hits[0]?.score).toBe('number');
  });
  it('screens listings and gives the same result with worker threads', () => {
    const a = path.join(work, 'l0.jsonl');
    const b = path.join(work, 'l2.jsonl');
    const args = ['--registry', path.join(fixtures, 'registry.csv'), '--listings', path.join(fixtures, 'listings.csv')];
    expect(run([...args, '--out', a, '--workers', '0']).status).toBe(0);
    expect(run([...args, '--out', b, '--workers', '2']).status).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(readFileSync(a, 'utf8')).toMatch(/"id":"L1","markId":"T01"/);
  });
});

describe('screen CLI input formats', () => {
  it('reads the batch as XLSX (first sheet) and as GB18030 CSV, with the same hits', async () => {
    const csv = readFileSync(path.join(fixtures, 'filings.csv'), 'utf8');
    const xlsx = path.join(work, 'filings.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申请');
    for (const line of csv.trim().split('\n')) ws.addRow(line.split(','));
    await wb.xlsx.writeFile(xlsx);
    const gb = path.join(work, 'filings-gb.csv');
    writeFileSync(gb, iconv.encode(csv, 'gb18030'));
    const outs = [path.join(fixtures, 'filings.csv'), xlsx, gb].map((input, i) => {
      const out = path.join(work, `formats-${i}.jsonl`);
      const r = run(['--registry', path.join(fixtures, 'registry.csv'), '--filings', input, '--out', out, '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out, 'utf8');
    });
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
  });
});

describe('bad input: clear message, exit 2, no output file', () => {
  const registry = path.join(fixtures, 'registry.csv');
  const filings = path.join(fixtures, 'filings.csv');
  const FILING_HEAD = '申请号,商标名称,国际分类,商品服务,申请人名称,申请人地址,代理机构,申请日期,初审公告期号,初审公告日期\n';
  let n = 0;
  const file = (content: string | Buffer) => {
    const p = path.join(work, `input-${++n}.csv`);
    writeFileSync(p, content);
    return p;
  };
  const expectFailure = (args: string[], message: RegExp) => {
    const out = path.join(work, `out-${++n}.jsonl`);
    const r = run([...args, '--out', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    const lastLine = r.stderr.trim().split('\n').at(-1) ?? '';
    expect(lastLine).toMatch(/^错误：/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith(path.basename(out)))).toEqual([]); // no temp file left
  };

  it('bad arguments', () => {
    expectFailure(['--registry', registry], /请给出 --filings 或 --listings/);
    expectFailure(['--registry', registry, '--filings', filings, '--bogus', 'x'], /未知参数 --bogus/);
  });
  it('an unreadable file', () => {
    expectFailure(['--registry', path.join(work, 'missing.csv'), '--filings', filings], /文件无法读取.*文件不存在/);
    expectFailure(['--registry', registry, '--filings', work], /文件无法读取/);
  });
  it('wrong headers, naming the missing one', () => {
    expectFailure(['--registry', registry, '--filings', file('申请号,名称,国际分类\n1,金凤凰,30\n')], /缺少必需的列「商标名称」/);
    expectFailure(['--registry', file('编号,名称\nX,Y\n'), '--filings', filings], /保护名录.*缺少必需的列/);
  });
  it('an empty registry', () => {
    expectFailure(['--registry', file('编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注\n'), '--filings', filings], /保护名录为空/);
    expectFailure(['--registry', file(''), '--filings', filings], /文件为空/);
  });
  it('a 10,000-character mark (in the batch and in the registry)', () => {
    expectFailure(['--registry', registry, '--filings', file(`${FILING_HEAD}1,${'金'.repeat(10_000)},30,,,,,,,\n`)], /第 2 行有误：「商标名称」过长/);
    const reg = readFileSync(registry, 'utf8') + `T09,${'雪'.repeat(10_000)},驰名商标,30,1,某公司,,,,\n`;
    expectFailure(['--registry', file(reg), '--filings', filings], /保护名录第 5 行有误/);
  });
  it('control characters', () => {
    expectFailure(['--registry', registry, '--filings', file(`${FILING_HEAD}1,金\u0007凤凰,30,,,,,,,\n2,青松,30,,,,,,,\n`)], /第 2 行有误：「商标名称」含有不可见的控制字符/);
  });
  it('invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(`${FILING_HEAD}1,金凤凰,30,,,,,,,\n2,`), Buffer.from([0xe9, 0x87]), Buffer.from(',30,,,,,,,\n3,青松,30,,,,,,,\n')]);
    expectFailure(['--registry', registry, '--filings', file(bytes)], /第 3 行有误：.*无法识别的字节/);
  });
  it('--skip-bad-rows screens the rest, lists the skipped rows and exits 0', () => {
    const out = path.join(work, 'skip.jsonl');
    const r = run(['--registry', registry, '--filings', file(`${FILING_HEAD}1,金\u0007凤凰,30,,,,,,,\n2,金鳳凰,30,,,,,,,\n`), '--out', out, '--skip-bad-rows']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/第 2 行有误/);
    expect(readFileSync(out, 'utf8')).toMatch(/"id":"2","markId":"T01"/);
  });
});
