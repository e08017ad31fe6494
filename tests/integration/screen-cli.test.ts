// The screen command line, run as a user runs it: the bundled CLI in a child process. Dev-set quality targets are
// checked with ../shared/bench/score.mjs when ../shared is present (read at run time, never copied); bad input
// must give a clear message, exit status 2 and no output file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import sharp from 'sharp';
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
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'sharp'], logLevel: 'warning' };
  await build({ ...common, entryPoints: [path.join(root, 'electron/cli/screen.ts')], outfile: cli });
  await build({ ...common, entryPoints: [path.join(root, 'electron/workers/screening-worker.ts')], outfile: path.join(work, 'screening-worker.cjs') });
}, 120_000);

function run(args: string[]): { status: number | null; stderr: string } {
  // sharp stays external (native); the bundle in a temporary folder finds it in the project's node_modules
  const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000, env });
  return { status: r.status, stderr: r.stderr };
}

interface Score { recall: number; top1: number; falseFlag: Record<string, number> }
function score(labels: string, hits: string): Score {
  const r = spawnSync(process.execPath, [path.join(shared, 'score.mjs'), labels, hits, '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Score;
}

describe('dev set quality (issue 3 targets)', () => {
  it('filings: recall ≥ 0.97, top-1 ≥ 0.95, false flags within limits', (t) => {
    if (!hasDev) t.skip(`dev set not found at ${dev} (../shared/bench/dev beside the checkout)`);
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
  it('listings: recall ≥ 0.95, false flags within limits', (t) => {
    if (!hasDev) t.skip(`dev set not found at ${dev} (../shared/bench/dev beside the checkout)`);
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

describe('screen CLI with images (issue 12)', () => {
  // Two asymmetric logos, so that a mirrored copy differs from the original as it stands.
  const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/>${body}</svg>`);
  const PHOENIX = svg('<polygon points="30,30 170,30 170,60 60,60 60,170 30,170" fill="#000"/><circle cx="128" cy="128" r="28" fill="#000"/>');
  const PEAK = svg('<polygon points="20,170 90,40 120,100 140,70 180,170" fill="#000"/><rect x="30" y="20" width="40" height="12" fill="#000"/>');
  const registry = path.join(fixtures, 'registry.csv');
  const dir = path.join(work, 'images');
  const registryImages = path.join(dir, 'registry');
  const rowImages = path.join(dir, 'rows');
  const HEAD = '申请号,商标名称,国际分类,商品服务,申请人名称,申请人地址,代理机构,申请日期,初审公告期号,初审公告日期\n';
  const filings = path.join(dir, 'filings.csv');

  beforeAll(async () => {
    mkdirSync(registryImages, { recursive: true });
    mkdirSync(rowImages, { recursive: true });
    await sharp(PHOENIX).png().toFile(path.join(registryImages, 'T01.png'));
    await sharp(PEAK).png().toFile(path.join(registryImages, 'T02-2.png')); // a mark's second image
    await sharp(PHOENIX).flop().png().toFile(path.join(rowImages, '91000001.png')); // mirrored copy, unrelated name
    // the same logo on a wider canvas, under a name the text engine also hits (金鳳凰 → 金凤凰)
    await sharp(PHOENIX).extend({ left: 30, right: 30, background: '#fff' }).png().toFile(path.join(rowImages, '91000002.png'));
    await sharp(PHOENIX).extend({ left: 30, right: 30, background: '#fff' }).png().toFile(path.join(rowImages, '91000003.png'));
    writeFileSync(path.join(rowImages, '91000004.png'), 'this is not an image');
    await sharp(PEAK).png().toFile(path.join(rowImages, '99999999.png')); // names no row of the table
    await sharp(PEAK).png().toFile(path.join(registryImages, 'X99.png')); // names no record of the registry
    writeFileSync(filings, HEAD + [
      '91000001,青松,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06',
      '91000002,金鳳凰,30,糕点,某食品有限公司,,,2026-01-01,第1950期,2026-06-06',
      '91000003,青松,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06',
      '91000004,白云,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06',
      '91000005,白云,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06',
    ].join('\n') + '\n');
  }, 60_000);

  const hitsOf = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; markId: string; score: number; reasons: string[] });

  it('reports a mirrored copy with figurative, joins a name-and-image hit into one, and lists a corrupt image', () => {
    const out = path.join(work, 'images.jsonl');
    const r = run(['--registry', registry, '--filings', filings, '--registry-images', registryImages, '--images', rowImages, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const hits = hitsOf(out);
    expect(hits.find((h) => h.id === '91000001')).toMatchObject({ markId: 'T01', reasons: ['figurative'] });
    const joined = hits.filter((h) => h.id === '91000002');
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ markId: 'T01', reasons: ['traditional', 'figurative'] });
    // the same image alone (91000003) and the same name alone (a run without images) give the two scores joined
    const image = hits.find((h) => h.id === '91000003' && h.markId === 'T01')!.score;
    const textOut = path.join(work, 'images-text.jsonl');
    expect(run(['--registry', registry, '--filings', filings, '--out', textOut, '--quiet']).status).toBe(0);
    const text = hitsOf(textOut).find((h) => h.id === '91000002')!.score;
    expect(text).toBeLessThan(1);
    expect(joined[0]!.score).toBeCloseTo(1 - (1 - text) * (1 - image), 6);
    expect(joined[0]!.score).toBeGreaterThan(Math.max(text, image) - 1e-9);
    // the corrupt image: its row number on stderr, the run complete, the rows after it screened
    expect(r.stderr).toMatch(/第 5 行图样有误：图样「91000004\.png」无法读取/);
    expect(r.stderr).toMatch(/完成：5 行/);
    expect(hits.some((h) => h.id === '91000004' || h.id === '91000005')).toBe(false);
    expect(hits.some((h) => h.markId === 'T02')).toBe(false);
    expect(r.stderr).toMatch(/图样有误：图样「99999999\.png」没有对应的行/);
    expect(r.stderr).toMatch(/图样有误：名录图样「X99\.png」没有对应的记录/);
  });
  it('reads the images from the 图样 column and from ZIP files alike', () => {
    const withColumn = path.join(dir, 'with-column.csv');
    const lines = readFileSync(filings, 'utf8').trim().split('\n');
    writeFileSync(withColumn, [`${lines[0]},图样`, ...lines.slice(1).map((l) => `${l},rows/${l.split(',')[0]}.png`)].join('\n') + '\n');
    const zip = path.join(work, 'registry-images.zip');
    writeFileSync(zip, zipSync({ 'T01.png': readFileSync(path.join(registryImages, 'T01.png')) }));
    const a = path.join(work, 'column.jsonl');
    const b = path.join(work, 'folder.jsonl');
    expect(run(['--registry', registry, '--filings', withColumn, '--registry-images', zip, '--out', a, '--quiet']).status).toBe(0);
    expect(run(['--registry', registry, '--filings', filings, '--registry-images', registryImages, '--images', rowImages, '--out', b, '--quiet']).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });
  it('a missing --images or --registry-images path exits 2 with a one-line reason and no output', () => {
    for (const flag of ['--images', '--registry-images']) {
      const out = path.join(work, `missing-images${flag}.jsonl`);
      const r = run(['--registry', registry, '--filings', filings, '--registry-images', registryImages, flag, path.join(work, 'no-such-folder'), '--out', out]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^错误：${flag} 所指的图样文件夹或压缩包不存在`));
      expect(existsSync(out)).toBe(false);
    }
  });
  it('screens a device mark without a name by its image, and refuses one whose image is missing or unreadable', () => {
    const devices = path.join(dir, 'devices.csv');
    writeFileSync(devices, HEAD + [
      '91000001,,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06', // the mirrored copy, no name
      '91000004,,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06', // its image is not an image
      '91000006,,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06', // no image at all
      '91000002,,99,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06', // an image, but a bad class
      '91000003,图形,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06', // named only as a figure, with an image
      '91000007,（图形）,30,茶,某茶业有限公司,,,2026-01-01,第1950期,2026-06-06', // named only as a figure, no image
    ].join('\n') + '\n');
    const out = path.join(work, 'devices.jsonl');
    const strict = run(['--registry', registry, '--filings', devices, '--registry-images', registryImages, '--images', rowImages, '--out', out]);
    expect(strict.status, strict.stderr).toBe(2);
    expect(strict.stderr).not.toMatch(/第 2 行有误/);
    expect(strict.stderr).toMatch(/第 3 行有误：缺少商标名称，图样也无法读取/);
    expect(strict.stderr).toMatch(/第 4 行有误：缺少商标名称，也没有图样/);
    expect(strict.stderr).toMatch(/第 5 行有误：国际分类应为/);
    expect(strict.stderr).not.toMatch(/第 6 行有误/);
    expect(strict.stderr).toMatch(/第 7 行有误：商标名称「（图形）」只标明是图形商标，没有可比对的文字，也没有图样/);
    expect(existsSync(out)).toBe(false);
    const r = run(['--registry', registry, '--filings', devices, '--registry-images', registryImages, '--images', rowImages, '--out', out, '--skip-bad-rows']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/注意：4 行有误未筛查/);
    expect(hitsOf(out)).toEqual([
      expect.objectContaining({ id: '91000001', markId: 'T01', reasons: ['figurative'] }),
      expect.objectContaining({ id: '91000003', markId: 'T01', reasons: ['figurative'], text: '图形' }),
    ]);
    // without the registry's images a nameless row cannot be screened at all, and says what is missing
    const textOnly = run(['--registry', registry, '--filings', devices, '--out', path.join(work, 'devices-text.jsonl')]);
    expect(textOnly.status).toBe(2);
    expect(textOnly.stderr).toMatch(/第 2 行有误：缺少商标名称（纯图形商标须同时给出 --registry-images 与其图样）/);
  });
  it('a registry images file that is not a ZIP exits 2', () => {
    const out = path.join(work, 'bad-zip.jsonl');
    const r = run(['--registry', registry, '--filings', filings, '--registry-images', filings, '--out', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^错误：图样压缩包「filings\.csv」不是有效的 ZIP 文件/);
    expect(existsSync(out)).toBe(false);
  });
});
