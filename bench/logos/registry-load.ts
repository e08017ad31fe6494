// Reading the registry's logos as a screening and a 以图查询 do (electron/logos/store.ts loadRegistryLogosFrom): the
// stored features of N registry logos decoded, laid out (storedHashesOf) and indexed, against the baseline of
// features version 21, which hashed every stored figure again while reading (2.3 ms a logo: 23 s for a registry of
// 10,000 at every screening), in the same process; and a check that the hashes read are the ones hashing gives.
//   registry-load DIR [N]   DIR: a folder of registry images (the quality set's registry/); prints one JSON line
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encodedFeatures } from '../../electron/logos/encoded-features';
import { hashedPart, hashedThumb, symmetricFeatures } from '../../electron/logos/features';
import { type DecodedFeatures, decodeFeatures } from '../../electron/logos/stored-features';
import { hexToHash } from '../../shared/engine/logo/hash';
import { LogoIndex } from '../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../shared/engine/logo/match';

interface StoredRow {
  phash: string;
  dhash: string;
  thumb: Uint8Array;
}

/** What version 21's reading did beyond the bytes: every figure, part and symmetric figure hashed again. */
function hashedAgain(f: DecodedFeatures): DecodedFeatures {
  const again = (s: DecodedFeatures['symmetric'], thumb: Uint8Array) => (s ? symmetricFeatures(thumb, () => s.detail) : undefined);
  const grey = f.variants.find((v) => v.kind === 'grey');
  return {
    ...f, ...hashedThumb(Float64Array.from(f.thumb)),
    variants: f.variants.map((v) => ({ ...v, ...hashedThumb(Float64Array.from(v.thumb)), ...(v.symmetric ? { symmetric: again(v.symmetric, v.thumb) } : {}) })),
    parts: f.parts.map((p) => hashedPart(p.thumb, p)),
    ...(f.printParts ? { printParts: f.printParts.map((p) => hashedPart(p.thumb, p)) } : {}),
    ...(f.symmetric ? { symmetric: again(f.symmetric, f.thumb) } : {}),
    ...(f.printSymmetric && grey ? { printSymmetric: again(f.printSymmetric, grey.thumb) } : {}),
  };
}

/** The registry as loadRegistryLogosFrom builds it, each logo's features read by `read`. */
function load(rows: readonly StoredRow[], read: (blob: Uint8Array) => DecodedFeatures): number {
  const stored = storedHashesOf(rows.map((r) => {
    const f = read(r.thumb);
    return {
      phash: Uint32Array.from(hexToHash(r.phash) ?? [0, 0]), dhash: Uint32Array.from(hexToHash(r.dhash) ?? [0, 0]),
      thumb: f.thumb, aspect: f.aspect, variants: f.variants, symmetric: f.symmetric, parts: f.parts, colour: f.colour, printParts: f.printParts, printSymmetric: f.printSymmetric,
    };
  }));
  return new LogoIndex(stored).size;
}

function timed(rows: readonly StoredRow[], read: (blob: Uint8Array) => DecodedFeatures): number {
  const started = process.hrtime.bigint();
  load(rows, read);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Every hash of the features, in order, as one string (for comparing two readings). */
const hashesOf = (f: DecodedFeatures): string => JSON.stringify([
  f.phash, f.dhash, ...f.variants.flatMap((v) => [v.phash, v.dhash, v.symmetric?.phash]), ...f.parts.flatMap((p) => [p.phash, p.dhash, p.informative]),
  ...(f.printParts ?? []).flatMap((p) => [p.phash, p.dhash, p.informative]), f.symmetric?.phash, f.printSymmetric?.phash,
].map((h) => (h instanceof Uint32Array ? Array.from(h) : h)));

async function main() {
  const [dir, count] = process.argv.slice(2);
  if (!dir) throw new Error('usage: registry-load DIR [N]');
  const names = readdirSync(dir).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort().slice(0, Number(count ?? 1000));
  const rows: StoredRow[] = [];
  for (const name of names) {
    const r = await encodedFeatures(readFileSync(path.join(dir, name)), 'registry');
    if (r.ok) rows.push(r.value);
  }
  const decoded = (blob: Uint8Array) => {
    const f = decodeFeatures(blob);
    if (!f) throw new Error('stored features that do not read back');
    return f;
  };
  const identical = rows.every((r) => hashesOf(decoded(r.thumb)) === hashesOf(hashedAgain(decoded(r.thumb))));
  // alternated, the better of three each (the machine's speed varies between runs)
  const read: number[] = [];
  const hashing: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    read.push(timed(rows, decoded));
    hashing.push(timed(rows, (blob) => hashedAgain(decoded(blob))));
  }
  const [readMs, hashingMs] = [Math.min(...read), Math.min(...hashing)];
  console.log(JSON.stringify({
    logos: rows.length, kbPerLogo: rows.reduce((n, r) => n + r.thumb.length, 0) / rows.length / 1024,
    readMs: readMs / rows.length, hashingMs: hashingMs / rows.length, ratio: hashingMs / readMs, identical,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
