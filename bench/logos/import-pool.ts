// A batch's images as the app's import stores them (electron/logos/features-pool.ts): the features of N filing
// images of the throughput set computed in one thread, then on the pool's threads (the bundled
// image-features-worker.cjs beside this script), with the ratio, the CPU an image over all threads, and a check that
// both give the same bytes.
//   import-pool DIR [N]   DIR: a set drawn by `scale generate`; prints one JSON line
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eachInHand, type FeaturesPool, featuresPoolIn, inThreadFeatures } from '../../electron/logos/features-pool';

async function timed(pool: FeaturesPool, images: readonly Buffer[]): Promise<{ ms: number; cpuMs: number; out: string[] }> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const out: string[] = new Array<string>(images.length);
  // as the import keeps them in hand (batch-images.ts): twice the threads, the next as each ends
  await eachInHand(images, Math.max(4, 2 * pool.size), async (bytes, i) => {
    const r = await pool.features(bytes, 'query');
    out[i] = r.ok ? `${r.value.phash}${r.value.dhash}${Buffer.from(r.value.thumb).toString('base64')}` : r.error.message;
  });
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000, out };
}

async function main() {
  const [dir, count] = process.argv.slice(2);
  if (!dir) throw new Error('usage: import-pool DIR [N]');
  const n = Number(count ?? 2000);
  const names = readdirSync(path.join(dir, 'filings')).sort();
  // spread over the set: every form (PNG, JPEG, turned, smaller) in its share
  const images = Array.from({ length: Math.min(n, names.length) }, (_, k) => readFileSync(path.join(dir, 'filings', names[Math.floor((k * names.length) / n)]!)));
  await timed(inThreadFeatures, images.slice(0, 100));
  const one = await timed(inThreadFeatures, images);
  const pool = featuresPoolIn(__dirname);
  try {
    await timed(pool, images.slice(0, 100));
    const many = await timed(pool, images);
    console.log(JSON.stringify({
      images: images.length, threads: pool.size, inThreadMs: one.ms / images.length, poolMs: many.ms / images.length,
      // CPU over every thread of the process (V8's collector and libvips run beside the one computing)
      inThreadCpuMs: one.cpuMs / images.length, poolCpuMs: many.cpuMs / images.length,
      ratio: one.ms / many.ms, identical: one.out.every((x, i) => x === many.out[i]),
    }));
  } finally {
    await pool.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
