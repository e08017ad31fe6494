// Multi-index hashing (Norouzi, Punjani & Fleet, 2012) for 64-bit hashes: the bits are cut into m substrings and
// each substring is a table of exact buckets. If two hashes differ in at most r bits, one of the m substrings
// differs in at most ⌊r / m⌋ (pigeonhole), so looking up every key within that small radius in every table finds
// them all; each candidate is then checked on all 64 bits. Results equal a scan of every pair, in far fewer steps.
import { popcount32 } from './hash';

/** Substrings wider than this would make tables larger than the hashes they index. */
const MAX_WIDTH = 16;

interface Table {
  /** the hash bits (0 = hi's top) this table's key is made of, in key order */
  bits: Uint8Array;
  width: number;
  /** CSR buckets: ids of bucket b are ids[offsets[b] .. offsets[b + 1]) */
  offsets: Uint32Array;
  ids: Uint32Array;
  /**
   * the hashes in bucket order ([hi, lo] of ids[p] at 2p): a bucket's hashes are read in one run, not from all over
   * the stored array, and only the few within the radius look up whether this search has met them already
   */
  hashes: Uint32Array;
}

/** Bits [start, start + width) of the 64-bit hash [hi, lo], counted from hi's top bit. */
export function bitsOf(hi: number, lo: number, start: number, width: number): number {
  const end = start + width;
  const mask = width === 32 ? 0xffffffff : (1 << width) - 1;
  if (end <= 32) return (hi >>> (32 - end)) & mask;
  if (start >= 32) return (lo >>> (64 - end)) & mask;
  const fromHi = hi & ((1 << (32 - start)) - 1);
  return ((fromHi << (end - 32)) | (lo >>> (64 - end))) & mask;
}

/** The key made of the given bits of [hi, lo] (bit 0 = hi's top), the first of them highest. */
export function keyOf(hi: number, lo: number, bits: Uint8Array): number {
  let key = 0;
  for (let j = 0; j < bits.length; j++) {
    const b = bits[j]!;
    key = (key << 1) | (b < 32 ? (hi >>> (31 - b)) & 1 : (lo >>> (63 - b)) & 1);
  }
  return key >>> 0;
}

/** The number of substrings for n hashes: about log2(n) bits each, between 4 (16 bits) and 8 (8 bits). */
export function defaultSubstrings(n: number): number {
  return Math.min(8, Math.max(4, Math.round(64 / Math.log2(Math.max(n, 2)))));
}

// Substrings take every m-th bit rather than runs of bits: neighbouring bits of a perceptual hash are alike
// across logos (the lowest frequencies of a centred figure nearly always have the same signs), and a run of
// them would make a table of a few huge buckets; interleaved, each table gets a share of the predictable bits.
function interleaved(m: number): Uint8Array[] {
  return Array.from({ length: m }, (_, k) => {
    const bits: number[] = [];
    for (let b = k; b < 64; b += m) bits.push(b);
    return Uint8Array.from(bits);
  });
}

export class HammingIndex {
  readonly size: number;
  private readonly tables: Table[];
  private readonly stamps: Uint32Array;
  private stamp = 0;

  /** hashes: n × [hi, lo]. The index keeps a reference; do not change the array afterwards. */
  constructor(
    private readonly hashes: Uint32Array,
    readonly substrings = defaultSubstrings(hashes.length / 2),
  ) {
    if (!Number.isInteger(substrings) || substrings < 64 / MAX_WIDTH || substrings > 64) {
      throw new RangeError(`substrings must be an integer from ${64 / MAX_WIDTH} to 64`);
    }
    this.size = hashes.length >>> 1;
    this.stamps = new Uint32Array(this.size);
    this.tables = interleaved(substrings).map((bits) => this.buildTable(bits));
  }

  private buildTable(bits: Uint8Array): Table {
    const width = bits.length;
    const offsets = new Uint32Array((1 << width) + 1);
    const keys = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      keys[i] = keyOf(this.hashes[2 * i]!, this.hashes[2 * i + 1]!, bits);
      offsets[keys[i]! + 1]!++;
    }
    for (let b = 1; b < offsets.length; b++) offsets[b]! += offsets[b - 1]!;
    const fill = offsets.slice(0, -1);
    const ids = new Uint32Array(this.size);
    const hashes = new Uint32Array(2 * this.size);
    for (let i = 0; i < this.size; i++) {
      const p = fill[keys[i]!]!++;
      ids[p] = i;
      hashes[2 * p] = this.hashes[2 * i]!;
      hashes[2 * p + 1] = this.hashes[2 * i + 1]!;
    }
    return { bits, width, offsets, ids, hashes };
  }

  /**
   * Calls visit(i, distance) once for every stored hash i within `radius` bits of [hi, lo], in no set order.
   * Returns the number of candidates checked (for measuring).
   */
  search(hi: number, lo: number, radius: number, visit: (i: number, distance: number) => void): number {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const sub = Math.floor(radius / this.tables.length);
    let checked = 0;
    for (const t of this.tables) {
      const key = keyOf(hi, lo, t.bits);
      checked += this.probe(t, key, hi, lo, radius, visit);
      // every key within `sub` flips of `key`, each once: flip bits in increasing position
      if (sub >= 1) {
        for (let a = 0; a < t.width; a++) {
          const ka = key ^ (1 << a);
          checked += this.probe(t, ka, hi, lo, radius, visit);
          if (sub >= 2) for (let b = a + 1; b < t.width; b++) checked += this.deeper(t, ka ^ (1 << b), b + 1, sub - 2, hi, lo, radius, visit);
        }
      }
    }
    return checked;
  }

  /** Probes k and every key with up to `left` more flips at positions ≥ from. */
  private deeper(t: Table, k: number, from: number, left: number, hi: number, lo: number, radius: number, visit: (i: number, d: number) => void): number {
    let checked = this.probe(t, k, hi, lo, radius, visit);
    if (left > 0) for (let b = from; b < t.width; b++) checked += this.deeper(t, k ^ (1 << b), b + 1, left - 1, hi, lo, radius, visit);
    return checked;
  }

  /**
   * Checks the hashes of bucket k; visits those within the radius that this search has not visited yet. Returns how
   * many hashes it compared (an entry met in several tables is compared in each: the distance is cheaper than the
   * look-up that would skip it).
   */
  private probe(t: Table, k: number, hi: number, lo: number, radius: number, visit: (i: number, d: number) => void): number {
    const start = t.offsets[k]!;
    const end = t.offsets[k + 1]!;
    const hashes = t.hashes;
    for (let p = start; p < end; p++) {
      const d = popcount32(hashes[2 * p]! ^ hi) + popcount32(hashes[2 * p + 1]! ^ lo);
      if (d > radius) continue;
      const i = t.ids[p]!;
      if (this.stamps[i] === this.stamp) continue;
      this.stamps[i] = this.stamp;
      visit(i, d);
    }
    return end - start;
  }
}

/** The same answer by comparing with every stored hash: the reference the index is tested and measured against. */
export function scanAll(
  hashes: Uint32Array, hi: number, lo: number, radius: number, visit: (i: number, distance: number) => void,
): void {
  for (let i = 0, n = hashes.length >>> 1; i < n; i++) {
    const d = popcount32(hashes[2 * i]! ^ hi) + popcount32(hashes[2 * i + 1]! ^ lo);
    if (d <= radius) visit(i, d);
  }
}
