// The multi-index Hamming search returns exactly what a scan of every stored hash returns.
import { describe, expect, it } from 'vitest';
import { rng } from './support/seeded';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import { FILLED, MET_LINE_SOLID, MET_SOLID } from '../../../shared/engine/logo/variant-kinds';
import { bitsOf, defaultSubstrings, HammingIndex, keyOf, scanAll } from '../../../shared/engine/logo/hamming-index';

function flipBits(hi: number, lo: number, count: number, next: () => number): [number, number] {
  const seen = new Set<number>();
  while (seen.size < count) seen.add(next() % 64);
  for (const b of seen) {
    if (b < 32) hi ^= 1 << (31 - b);
    else lo ^= 1 << (63 - b);
  }
  return [hi >>> 0, lo >>> 0];
}

/** Random hash words and thumbnail bytes from a seeded generator. */
function randomArrays(seed: number) {
  const next = rng(seed);
  return { next, words: (k: number) => new Uint32Array(k).map(() => next()), bytes: (k: number) => new Uint8Array(k).map(() => next() & 255) };
}

const T = 1024;

const sorted = (pairs: Array<[number, number]>) => [...pairs].sort((a, b) => a[0] - b[0]);

describe('HammingIndex', () => {
  it('takes bits across the two halves', () => {
    expect(bitsOf(0x0000000f, 0xf0000000, 28, 8)).toBe(0xff);
    expect(bitsOf(0x80000000, 0, 0, 1)).toBe(1);
    expect(bitsOf(0, 1, 48, 16)).toBe(1);
    expect(bitsOf(0x12345678, 0x9abcdef0, 0, 16)).toBe(0x1234);
  });

  it('finds the same hashes at the same distances as a full scan, for radii 0–20 and 4–8 substrings', () => {
    const next = rng(12);
    const n = 3000;
    const hashes = new Uint32Array(2 * n);
    // half random, half near copies of a few centres (so that near neighbours really exist)
    for (let i = 0; i < n; i++) {
      if (i < n / 2 || i % 50 === 0) {
        hashes[2 * i] = next();
        hashes[2 * i + 1] = next();
      } else {
        const c = (i - (i % 50)) * 2;
        [hashes[2 * i], hashes[2 * i + 1]] = flipBits(hashes[c]!, hashes[c + 1]!, next() % 16, next);
      }
    }
    let found = 0;
    for (const m of [4, 5, 6, 8]) {
      const index = new HammingIndex(hashes, m);
      for (let q = 0; q < 40; q++) {
        const base = (next() % n) * 2;
        const [hi, lo] = q % 3 === 0 ? [next(), next()] : flipBits(hashes[base]!, hashes[base + 1]!, next() % 12, next);
        // every radius: each remainder of r over the substrings probes its own split of tables to q and q − 1 flips
        for (let radius = 0; radius <= 20; radius++) {
          const a: Array<[number, number]> = [];
          const b: Array<[number, number]> = [];
          index.search(hi, lo, radius, (i, d) => a.push([i, d]));
          scanAll(hashes, hi, lo, radius, (i, d) => b.push([i, d]));
          expect(sorted(a)).toEqual(sorted(b));
          found += b.length;
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('gives every answer to a visit that searches the same index again', () => {
    const next = rng(5);
    const n = 500;
    const hashes = new Uint32Array(2 * n).map(() => next());
    const index = new HammingIndex(hashes);
    const outer: number[] = [];
    let inner = 0;
    let expected = 0;
    // each inner search (from another entry, as wide) writes its own answers where the outer ones were
    index.search(hashes[0]!, hashes[1]!, 30, (i) => {
      outer.push(i);
      const j = (i + 1) % n;
      index.search(hashes[2 * j]!, hashes[2 * j + 1]!, 30, () => inner++);
      scanAll(hashes, hashes[2 * j]!, hashes[2 * j + 1]!, 30, () => expected++);
    });
    const scanned: number[] = [];
    scanAll(hashes, hashes[0]!, hashes[1]!, 30, (i) => scanned.push(i));
    expect(outer.sort((a, b) => a - b)).toEqual(scanned);
    expect(inner).toBe(expected);
  });

  it('checks far fewer candidates than there are hashes at a small radius', () => {
    const next = rng(7);
    const n = 10_000;
    const hashes = new Uint32Array(2 * n).map(() => next());
    const index = new HammingIndex(hashes);
    expect(index.substrings).toBe(defaultSubstrings(n));
    let checked = 0;
    for (let q = 0; q < 100; q++) checked += index.search(next(), next(), 10, () => {});
    expect(checked / 100).toBeLessThan(n / 10);
  });

  it('looks up only the buckets the radius needs: for r = q·m + s, the first s + 1 tables to q flips, the rest to q − 1', () => {
    const next = rng(31);
    const n = 2000;
    const hashes = new Uint32Array(2 * n).map(() => next());
    const flips = (a: number, b: number) => {
      let d = 0;
      for (let x = (a ^ b) >>> 0; x; x &= x - 1) d++;
      return d;
    };
    for (const m of [4, 5]) {
      const index = new HammingIndex(hashes, m);
      // the tables' bits as the index takes them: every m-th, from k
      const tables = Array.from({ length: m }, (_, k) => Uint8Array.from({ length: Math.ceil((64 - k) / m) }, (_, j) => k + j * m));
      const keys = tables.map((bits) => Array.from({ length: n }, (_, i) => keyOf(hashes[2 * i]!, hashes[2 * i + 1]!, bits)));
      for (let probe = 0; probe < 20; probe++) {
        const [hi, lo] = [next(), next()];
        for (let r = 0; r <= 2 * m + 1; r++) {
          const q = Math.floor(r / m);
          let expected = 0;
          tables.forEach((bits, t) => {
            const sub = t <= r % m ? q : q - 1;
            if (sub < 0) return;
            const own = keyOf(hi, lo, bits);
            expected += keys[t]!.filter((key) => flips(key, own) <= sub).length;
          });
          expect(index.search(hi, lo, r, () => {})).toBe(expected);
        }
      }
    }
  });
});

describe('LogoIndex', () => {
  it('answers like scanLogos for queries in every orientation, near and far', () => {
    const next = rng(99);
    const n = 2000;
    const stored = { phash: new Uint32Array(2 * n).map(() => next()), dhash: new Uint32Array(2 * n).map(() => next()), thumb: new Uint8Array(n * 256).map(() => next() & 255) };
    const index = new LogoIndex(stored);
    const rule = { maxPhash: 12, maxSum: 26, minCorrelation: -1 };
    let matches = 0;
    for (let q = 0; q < 200; q++) {
      const query = { phash: new Uint32Array(16).map(() => next()), dhash: new Uint32Array(16).map(() => next()), thumb: new Uint8Array(256).map(() => next() & 255) };
      if (q % 4 !== 0) {
        // plant a near copy of a stored logo in one orientation
        const i = next() % n;
        const v = next() % 8;
        [query.phash[2 * v], query.phash[2 * v + 1]] = flipBits(stored.phash[2 * i]!, stored.phash[2 * i + 1]!, next() % 14, next);
        [query.dhash[2 * v], query.dhash[2 * v + 1]] = flipBits(stored.dhash[2 * i]!, stored.dhash[2 * i + 1]!, next() % 16, next);
      }
      const a = index.search(query, rule);
      expect(a).toEqual(scanLogos(stored, query, rule));
      matches += a.length;
      const strict = { ...rule, minCorrelation: 0.05 };
      expect(index.search(query, strict)).toEqual(scanLogos(stored, query, strict));
    }
    expect(matches).toBeGreaterThan(60);
  });
});

describe('LogoIndex with crops and peels', () => {
  it('answers like scanLogos when stored logos carry crops and queries carry peels, one match per logo', () => {
    const { next, words, bytes } = randomArrays(7);
    const n = 500;
    const owner = Uint32Array.from({ length: 1500 }, (_, k) => k % n);
    const stored = {
      phash: words(2 * n), dhash: words(2 * n), thumb: bytes(n * T), aspect: new Float64Array(n).fill(0.5),
      variants: { owner, phash: words(3000), dhash: words(3000), thumb: bytes(1500 * T), aspect: new Float64Array(1500).fill(0.5) },
    };
    const index = new LogoIndex(stored);
    expect(index.size).toBe(n);
    const rule = { maxPhash: 10, maxSum: 24, minCorrelation: -1, partial: { maxPhash: 8, maxSum: 20, minCorrelation: -1, maxAspect: 0.2 } };
    const vias = new Set<string>();
    for (let q = 0; q < 150; q++) {
      const part = () => ({ phash: words(16), dhash: words(16), thumb: bytes(T), aspect: 0.5 });
      const query = { ...part(), variants: [part(), part()] };
      const v = next() % 8;
      const k = next() % 1500;
      // plant: the whole query near a crop (q % 3 = 0), a peel near a whole logo (1), the whole near a whole (2)
      const [target, from, at] = q % 3 === 0 ? [query, stored.variants, k] : q % 3 === 1 ? [query.variants[0]!, stored, k % n] : [query, stored, k % n];
      [target.phash[2 * v], target.phash[2 * v + 1]] = flipBits(from.phash[2 * at]!, from.phash[2 * at + 1]!, next() % 8, next);
      [target.dhash[2 * v], target.dhash[2 * v + 1]] = flipBits(from.dhash[2 * at]!, from.dhash[2 * at + 1]!, next() % 8, next);
      const found = index.search(query, rule);
      expect(found).toEqual(scanLogos(stored, query, rule));
      expect(new Set(found.map((m) => m.index)).size).toBe(found.length);
      for (const m of found) vias.add(m.via);
    }
    expect([...vias].sort()).toEqual(['crop', 'peel', 'whole']);
  });

  it('answers like scanLogos with line drawings filled in on either side, met only where the kinds allow', () => {
    const { next, words, bytes } = randomArrays(11);
    const n = 400;
    // a solid copy for each of the first 200 logos, a line drawing's solid copy for each of the next 200
    const owner = Uint32Array.from({ length: 400 }, (_, k) => k);
    const met = Uint8Array.from({ length: 400 }, (_, k) => (k < 200 ? MET_SOLID : MET_LINE_SOLID));
    // every third logo has no parts: no filled line drawing meets it
    const first = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) first[i + 1] = first[i]! + (i % 3 === 0 ? 0 : 1);
    const count = first[n]!;
    const stored = {
      phash: words(2 * n), dhash: words(2 * n), thumb: bytes(n * T), aspect: new Float64Array(n).fill(0.5),
      variants: { owner, phash: words(800), dhash: words(800), thumb: bytes(400 * T), aspect: new Float64Array(400).fill(0.5), met },
      parts: { owner: Uint32Array.from({ length: count }, (_, k) => k), first, phash: words(2 * count), dhash: words(2 * count), thumb: bytes(count * T), aspect: new Float64Array(count), places: Array.from({ length: count }, () => ({ box: [0, 0, 8, 8] as [number, number, number, number], share: 1 })) },
    };
    const index = new LogoIndex(stored);
    const rule = { maxPhash: 10, maxSum: 24, minCorrelation: -1 };
    const vias = new Map<string, number>();
    for (let q = 0; q < 160; q++) {
      const part = () => ({ phash: words(16), dhash: words(16), thumb: bytes(T), aspect: 0.5 });
      const drawn = q % 2 === 0;
      const query = { ...part(), variants: drawn ? [{ ...part(), kind: FILLED }] : [] };
      const k = next() % 400;
      // plant: a filled drawing near a solid copy or a whole logo; a whole query near a line drawing's solid copy —
      // hashes a few bits apart and the same thumbnail (these pairs are held to FILLED_WHOLE, not to the rule)
      const [target, from, at] = drawn ? (q % 4 === 0 ? [query.variants[0]!, stored.variants, k] : [query.variants[0]!, stored, k]) : [query, stored.variants, 200 + (k % 200)];
      [target.phash[0], target.phash[1]] = flipBits(from.phash[2 * at]!, from.phash[2 * at + 1]!, next() % 12, next);
      [target.dhash[0], target.dhash[1]] = flipBits(from.dhash[2 * at]!, from.dhash[2 * at + 1]!, next() % 12, next);
      target.thumb.set(from.thumb.subarray(at * T, (at + 1) * T));
      const found = index.search(query, rule);
      expect(found).toEqual(scanLogos(stored, query, rule));
      // never a logo without parts through a filled drawing or a line drawing's solid copy
      for (const m of found) expect(m.index % 3 === 0 && m.via === 'whole' && (drawn || m.index >= 200)).toBe(false);
      for (const m of found) vias.set(m.via, (vias.get(m.via) ?? 0) + 1);
    }
    expect(vias.get('whole')).toBeGreaterThan(40);
  });

  it('answers like scanLogos when symmetric logos are searched by their symmetric hashes', () => {
    const { next, words, bytes } = randomArrays(9);
    const n = 400;
    const owner = Uint32Array.from({ length: 100 }, (_, k) => (k * 4) % n);
    const stored = {
      phash: words(2 * n), dhash: words(2 * n), thumb: bytes(n * T), aspect: new Float64Array(n).fill(0.5),
      symmetric: { owner, phash: words(200), detail: bytes(100 * T) },
    };
    // every fifth symmetric logo without inner detail: never met through its symmetric hash
    for (let k = 0; k < 100; k += 5) stored.symmetric.detail.fill(0, k * T, (k + 1) * T);
    const index = new LogoIndex(stored);
    const rule = { maxPhash: 6, maxSum: 24, minCorrelation: -1, symmetric: { maxPhash: 8, maxSum: 40, minCorrelation: -1, minDetailCorrelation: -1 } };
    const vias = new Set<string>();
    for (let q = 0; q < 120; q++) {
      const query = { phash: words(16), dhash: words(16), thumb: bytes(T), aspect: 0.5, symmetric: { phash: words(16), detail: bytes(T) } };
      const v = next() % 8;
      const k = next() % 100;
      // plant the symmetric hash near entry k's and the dhash near its logo's, in orientation v
      [query.symmetric.phash[2 * v], query.symmetric.phash[2 * v + 1]] = flipBits(stored.symmetric.phash[2 * k]!, stored.symmetric.phash[2 * k + 1]!, next() % 10, next);
      const o = owner[k]!;
      [query.dhash[2 * v], query.dhash[2 * v + 1]] = flipBits(stored.dhash[2 * o]!, stored.dhash[2 * o + 1]!, next() % 12, next);
      const found = index.search(query, rule);
      expect(found).toEqual(scanLogos(stored, query, rule));
      for (const m of found) vias.add(m.via);
      if (k % 5 === 0) expect(found.some((m) => m.via === 'symmetric' && m.index === o)).toBe(false);
      // without the symmetric limits, or for a query that is not symmetric, no pair is compared so
      expect(index.search(query, { ...rule, symmetric: undefined }).some((m) => m.via === 'symmetric')).toBe(false);
      expect(index.search({ ...query, symmetric: undefined }, rule).some((m) => m.via === 'symmetric')).toBe(false);
    }
    expect(vias.has('symmetric')).toBe(true);
  });

  it('answers like scanLogos when logos are met by their parts', () => {
    const { next, words, bytes } = randomArrays(10);
    const n = 300;
    const per = 3;
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x, y, x + w, y + h];
    const storedPlaces = Array.from({ length: n * per }, (_, k) => ({ box: box(10 + (k % per) * 30, 10 + (next() % 40), 20, 10 + (next() % 10)), share: 1 / per }));
    const stored = {
      phash: words(2 * n), dhash: words(2 * n), thumb: bytes(n * T), aspect: new Float64Array(n),
      parts: {
        owner: Uint32Array.from({ length: n * per }, (_, k) => Math.floor(k / per)), first: Uint32Array.from({ length: n + 1 }, (_, i) => i * per),
        phash: words(2 * n * per), dhash: words(2 * n * per), thumb: bytes(n * per * T), places: storedPlaces,
        aspect: Float64Array.from(storedPlaces, (p) => Math.log2((p.box[2] - p.box[0]) / (p.box[3] - p.box[1]))),
      },
    };
    const index = new LogoIndex(stored);
    const rule = {
      maxPhash: -1, maxSum: -1, minCorrelation: 2,
      parts: { maxPhash: 8, maxSum: 30, minCorrelation: -1, maxAspect: 0.3, tolerance: 0.05, maxScale: 0.25, minParts: 2, minShare: 0.9 },
    };
    const vias = new Set<string>();
    let met = 0;
    for (let q = 0; q < 150; q++) {
      const logo = next() % n;
      const v = next() % 8;
      // the query's parts: logo's parts in orientation v, moved and scaled, their hashes a few bits off; one of
      // them (every other query) somewhere else
      const scale = 1 + (next() % 50) / 100;
      const parts = Array.from({ length: per }, (_, j) => {
        const k = logo * per + j;
        const [x0, y0, x1, y1] = storedPlaces[k]!.box;
        let [cx, cy] = [(x0 + x1) / 2 - 50, (y0 + y1) / 2 - 50];
        let [w, h] = [x1 - x0, y1 - y0];
        if (v & 4) [cx, cy, w, h] = [cy, cx, h, w];
        if (v & 1) cx = -cx;
        if (v & 2) cy = -cy;
        if (j === 2 && q % 2) [cx, cy] = [cx + 40, cy - 30];
        const phash = words(16);
        const dhash = words(16);
        // the middle part's hash is symmetric, half its bits informative: held to half the radius
        const informative = j === 1 ? 32 : 64;
        [phash[2 * v], phash[2 * v + 1]] = flipBits(stored.parts.phash[2 * k]!, stored.parts.phash[2 * k + 1]!, next() % (j === 1 ? 5 : 9), next);
        [dhash[2 * v], dhash[2 * v + 1]] = flipBits(stored.parts.dhash[2 * k]!, stored.parts.dhash[2 * k + 1]!, next() % 9, next);
        const place = box(200 + scale * (cx - w / 2), 200 + scale * (cy - h / 2), scale * w, scale * h);
        return { phash, dhash, informative, thumb: bytes(T), aspect: Math.log2(w / h), box: place, share: 1 / per };
      });
      const query = { phash: words(16), dhash: words(16), thumb: bytes(T), aspect: 0, parts };
      const found = index.search(query, rule);
      expect(found).toEqual(scanLogos(stored, query, rule));
      for (const m of found) vias.add(m.via);
      if (found.some((m) => m.index === logo && m.via === 'parts' && m.orientation === v)) met++;
      // without the parts limits, or for a query without parts, nothing is compared by parts
      expect(index.search(query, { ...rule, parts: undefined })).toEqual([]);
      expect(index.search({ ...query, parts: [] }, rule)).toEqual([]);
      // the symmetric part further off, about its radius: the index and the scan still agree
      const far = parts.map((p, j) => (j === 1 ? { ...p, phash: p.phash.map((w, i) => (i === 2 * v ? w ^ 0x1f : w)) } : p));
      expect(index.search({ ...query, parts: far }, rule)).toEqual(scanLogos(stored, { ...query, parts: far }, rule));
    }
    expect([...vias]).toEqual(['parts']);
    // every query whose parts all kept their places meets its logo in its orientation; two of three are not enough
    expect(met).toBe(75);
  });

  it('compares no partial pairs when the rule has no partial limits, and holds box shapes apart', () => {
    const next = rng(8);
    const thumb = new Uint8Array(T).map(() => next() & 255);
    const h = () => new Uint32Array([0xffffffff, 0xffffffff]);
    const stored = { phash: h(), dhash: h(), thumb, aspect: Float64Array.of(1),
      variants: { owner: Uint32Array.of(0), phash: new Uint32Array([5, 6]), dhash: new Uint32Array([5, 6]), thumb, aspect: Float64Array.of(1) } };
    const orientations = (hi: number, lo: number) => new Uint32Array(16).map((_, i) => (i % 2 ? lo : hi));
    const query = { phash: orientations(5, 6), dhash: orientations(5, 6), thumb, aspect: 1 };
    const whole = { maxPhash: 4, maxSum: 8, minCorrelation: 0.9, maxAspect: 0.1 };
    expect(new LogoIndex(stored).search(query, whole)).toEqual([]);
    expect(new LogoIndex(stored).search(query, { ...whole, partial: whole }).map((m) => m.via)).toEqual(['crop']);
    // a query twice as wide as it is tall against a square crop: not the same shape
    expect(new LogoIndex(stored).search({ ...query, aspect: 0 }, { ...whole, partial: whole })).toEqual([]);
  });
});
