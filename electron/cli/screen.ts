// Command line: screen a filing or listing table against a registry, without the UI or the database.
//   npm run screen -- --registry REGISTRY.csv --filings FILINGS.csv --out HITS.jsonl [--workers N]
//   npm run screen -- --registry REGISTRY.csv --listings LISTINGS.csv --out HITS.jsonl [--skip-bad-rows]
//   … [--registry-images FOLDER|ZIP] [--images FOLDER|ZIP]: images screened too (screen-images.ts), their hits joined
//   to the text hits as the app joins them (shared/figurative.ts); an unreadable image is listed and never stops the run.
// Exit 0 on success; 2 with a one-line reason on bad arguments, an unreadable file, wrong headers or an empty
// registry. Progress goes to stderr. The output appears only when complete (written to a temporary file beside it
// and renamed at the end; removed on failure).
// Bad rows (no 申请号, a bad class, a 10,000-character mark, control characters, undecodable bytes …) are listed on
// stderr with their row number and reason. By default any bad row fails the run (exit 2, no output), because a
// screen that silently skipped rows would be read as "nothing found" for them; --skip-bad-rows screens the rest and
// exits 0, still listing the skipped rows.
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { TableReadError } from '../tabular';
import { HeaderError, loadRegistryFile } from '../batches/screening/registry-file';
import { hitLine, type ScreenedRow } from '../batches/screening/batch-rows';
import { screenFile, type BatchKind } from '../batches/screening/screen-file';
import { joinImageHits } from '../../shared/figurative';
import type { Hit } from '../../shared/domain';
import { loadRegistryImages, screenRowImages } from './screen-images';

class UsageError extends Error {}

const USAGE = 'usage: screen --registry REGISTRY.csv (--filings FILINGS.csv | --listings LISTINGS.csv) --out HITS.jsonl [--registry-images FOLDER|ZIP] [--images FOLDER|ZIP] [--workers N] [--skip-bad-rows] [--quiet]';

interface Args {
  registry: string;
  batch: string;
  kind: BatchKind;
  out: string;
  workers: number | undefined;
  quiet: boolean;
  skipBadRows: boolean;
  registryImages: string | undefined;
  images: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let quiet = false;
  let skipBadRows = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--quiet') { quiet = true; continue; }
    if (a === '--skip-bad-rows') { skipBadRows = true; continue; }
    if (!['--registry', '--filings', '--listings', '--out', '--workers', '--registry-images', '--images'].includes(a)) throw new UsageError(`未知参数 ${a}；${USAGE}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`参数 ${a} 缺少取值；${USAGE}`);
    values.set(a, v);
    i++;
  }
  const registry = values.get('--registry');
  const out = values.get('--out');
  const filings = values.get('--filings');
  const listings = values.get('--listings');
  if (!registry || !out) throw new UsageError(`缺少 --registry 或 --out；${USAGE}`);
  if ((filings === undefined) === (listings === undefined)) throw new UsageError(`请给出 --filings 或 --listings 之一；${USAGE}`);
  const w = values.get('--workers');
  const workers = w === undefined ? undefined : Number(w);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) throw new UsageError('--workers 应为 0–64 的整数');
  const outDir = path.dirname(path.resolve(out));
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new UsageError(`输出文件夹不存在：${outDir}`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`输出路径是一个文件夹：${out}`);
  const registryImages = values.get('--registry-images');
  const images = values.get('--images');
  for (const [flag, p] of [['--registry-images', registryImages], ['--images', images]] as const) {
    if (p !== undefined && !existsSync(p)) throw new UsageError(`${flag} 所指的图样文件夹或压缩包不存在（not found）：${p}`);
  }
  return {
    registry, batch: (filings ?? listings) as string, kind: filings !== undefined ? 'filings' : 'listings', out, workers, quiet, skipBadRows,
    registryImages, images,
  };
}

const MAX_REPORTED_ROWS = 50;

/** What the image screen tells the text screen's rows: their image hits, and which rows' images were screened. */
interface ImageOutcome {
  hits: Map<number, Hit[]>;
  screened: ReadonlySet<number>;
  /** rows whose image could not be read */
  failed: ReadonlySet<number>;
}

/**
 * Image hits by row number when the registry brings images; problems with images are listed and never stop the run
 * by themselves (a row without a name whose image failed is a bad row, see rowProblem).
 */
async function screenImages(args: Args, marks: ReadonlyArray<{ id: string; name: string }>, log: (line: string) => void): Promise<ImageOutcome> {
  if (args.registryImages === undefined) {
    if (args.images !== undefined) process.stderr.write('注意：未给出 --registry-images，名录没有图样，--images 未比对\n');
    return { hits: new Map(), screened: new Set(), failed: new Set() };
  }
  const problems: Array<{ rowNumber: number; reason: string }> = [];
  const logos = await readImages(() => loadRegistryImages(args.registryImages!, new Set(marks.map((m) => m.id)), problems));
  log(`名录图样：${logos.markIds.length} 张`);
  const found = logos.index.size === 0 ? { hits: new Map<number, Hit[]>(), problems: [], screened: new Set<number>() } : await readImages(() => screenRowImages({
    batchPath: args.batch, kind: args.kind, imagesPath: args.images, logos, markNames: new Map(marks.map((m) => [m.id, m.name])),
  }));
  problems.push(...found.problems);
  problems.slice(0, MAX_REPORTED_ROWS).forEach((p) => process.stderr.write(p.rowNumber > 0 ? `第 ${p.rowNumber} 行图样有误：${p.reason}\n` : `图样有误：${p.reason}\n`));
  if (problems.length > MAX_REPORTED_ROWS) process.stderr.write(`……另有 ${problems.length - MAX_REPORTED_ROWS} 个图样有误\n`);
  log(`图样比对：${found.hits.size} 行有图形近似的命中${problems.length ? `，${problems.length} 个图样有误未比对（见上）` : ''}`);
  return { hits: found.hits, screened: found.screened, failed: new Set(found.problems.map((p) => p.rowNumber).filter((n) => n > 0)) };
}

/**
 * A text-screen row's problem as the command line reports it, or undefined when the row is good. A filing without
 * 商标名称 is a device mark, screened by its image alone: good when its image was screened, bad (never silently
 * unscreened) when it had none or its image could not be read.
 */
function rowProblem(row: Pick<ScreenedRow, 'rowNumber' | 'problem' | 'unnamed'>, images: Pick<ImageOutcome, 'screened' | 'failed'>, withRegistryImages: boolean): string | undefined {
  if (row.problem === undefined || !row.unnamed) return row.problem;
  if (images.screened.has(row.rowNumber)) return undefined;
  if (images.failed.has(row.rowNumber)) return `${row.problem}，图样也无法读取（见上），该行未筛查`;
  return withRegistryImages ? `${row.problem}，也没有图样` : `${row.problem}（纯图形商标须同时给出 --registry-images 与其图样）`;
}

/** A ZIP or folder that cannot be read is a bad argument (exit 2), with imageSources' Chinese reason. */
async function readImages<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TableReadError || error instanceof HeaderError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Joins image hits into the text screen's rows, in file order: a row's image hits with its text hits (one hit per
 * mark), and rows hit by their image alone written before the next row of the text screen.
 */
function imageJoiner(imageHits: Map<number, Hit[]>) {
  const order = [...imageHits.keys()].sort((a, b) => a - b);
  let next = 0;
  const before = (rowNumber: number): Hit[] => {
    const out: Hit[] = [];
    for (; next < order.length && order[next]! < rowNumber; next++) {
      const hits = imageHits.get(order[next]!);
      imageHits.delete(order[next]!);
      if (hits) out.push(...hits);
    }
    return out;
  };
  return {
    /** the hits to write for a row of the text screen (with any image-only rows before it) */
    row(rowNumber: number, textHits: Hit[], problem: boolean): Hit[] {
      const earlier = before(rowNumber);
      const image = imageHits.get(rowNumber) ?? [];
      imageHits.delete(rowNumber);
      return problem ? earlier : [...earlier, ...joinImageHits(textHits, image)];
    },
    rest: () => before(Infinity),
  };
}

async function run(args: Args): Promise<void> {
  const log = (line: string) => { if (!args.quiet) process.stderr.write(line + '\n'); };
  const started = Date.now();
  const registry = await loadRegistryFile(args.registry);
  for (const p of registry.problems.slice(0, MAX_REPORTED_ROWS)) process.stderr.write(`保护名录第 ${p.rowNumber} 行有误：${p.reason}\n`);
  if (registry.marks.length === 0 && registry.problems.length === 0) throw new UsageError(`保护名录为空：${args.registry} 中没有记录`);
  if (registry.marks.length === 0) throw new UsageError(`保护名录没有可用的记录：${registry.problems.length} 行全部有误（见上）`);
  if (registry.problems.length > 0 && !args.skipBadRows) {
    throw new UsageError(`保护名录有 ${registry.problems.length} 行有误（见上），未筛查；请改正后重试，或加 --skip-bad-rows 跳过这些行`);
  }
  log(`保护名录：${registry.marks.length} 条记录${registry.problems.length ? `，${registry.problems.length} 行有误未载入` : ''}`);
  const images = await screenImages(args, registry.marks, log);
  const joiner = imageJoiner(images.hits);
  const temp = `${args.out}.part-${process.pid}`;
  const output = createWriteStream(temp, { flags: 'wx' });
  const opened = new Promise<void>((resolve, reject) => { output.once('open', () => resolve()); output.once('error', reject); });
  try {
    await opened;
    let badRows = 0;
    let hits = 0;
    const result = await screenFile({
      marks: registry.marks,
      batchPath: args.batch,
      kind: args.kind,
      workers: args.workers,
      onProgress: (p) => log(`已筛查 ${p.rows} 行，命中 ${p.hits} 条（${((Date.now() - started) / 1000).toFixed(1)} 秒）`),
      onRows: async (rows) => {
        let chunk = '';
        for (const r of rows) {
          const problem = rowProblem(r, images, args.registryImages !== undefined);
          if (problem !== undefined && badRows++ < MAX_REPORTED_ROWS) process.stderr.write(`第 ${r.rowNumber} 行有误：${problem}\n`);
          const written = joiner.row(r.rowNumber, r.hits, problem !== undefined);
          for (const h of written) chunk += hitLine(h);
          hits += written.length;
        }
        if (chunk && !output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
      },
    });
    const rest = joiner.rest();
    hits += rest.length;
    if (rest.length > 0) output.write(rest.map(hitLine).join(''));
    await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (badRows > MAX_REPORTED_ROWS) process.stderr.write(`……另有 ${badRows - MAX_REPORTED_ROWS} 行有误\n`);
    if (badRows > 0 && !args.skipBadRows) {
      throw new UsageError(`${badRows} 行有误（见上），未生成结果；请改正后重试，或加 --skip-bad-rows 跳过这些行`);
    }
    renameSync(temp, args.out);
    if (badRows > 0) process.stderr.write(`注意：${badRows} 行有误未筛查（见上），其余 ${result.rows - badRows} 行已筛查\n`);
    // peak resident memory of the whole process, worker threads included (resourceUsage reports kilobytes)
    const usage = process.resourceUsage();
    const peakMb = Math.round(usage.maxRSS / 1024);
    const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6; // microseconds, all threads
    log(`完成：${result.rows} 行，命中 ${hits} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒（CPU ${cpu.toFixed(1)} 秒），峰值内存 ${peakMb} MB → ${args.out}`);
  } catch (error) {
    output.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
    await run(args);
    process.exitCode = 0;
  } catch (error) {
    const expected = error instanceof UsageError || error instanceof TableReadError || error instanceof HeaderError;
    process.stderr.write(`错误：${oneLine(error)}\n`);
    if (!expected && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    process.exitCode = 2;
  }
}

void main();
