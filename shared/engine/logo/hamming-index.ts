// Multi-index hashing (Norouzi, Punjani & Fleet, 2012) for 64-bit hashes: the bits are cut into m substrings and
// each substring is a table of exact buckets. If two hashes differ in at most r = q·m + s bits (0 ≤ s < m), one of
// the first s + 1 substrings differs in at most q bits or one of the others in at most q − 1 (pigeonhole), so
// looking up every key within those small radii finds them all; each candidate is then checked on all 64 bits.
// Results equal a scan of every pair, in far fewer steps.
// The tables live in a WebAssembly instance of the index's own (assembly/hamming.ts), which compares a bucket's
// hashes with one popcount each: a filing's search of the 10,000-logo registry makes some thirty thousand such
// comparisons.
import { popcount32 } from './hash';
import { HAMMING_WASM } from './hamming-wasm';
import { wasmInstances } from './wasm-kernel';

/** Substrings wider than this would make tables larger than the hashes they index. */
const MAX_WIDTH = 16;

interface HammingExports {
  search(desc: number, tables: number, seen: number, output: number, hi: number, lo: number, radius: number, mark: number): number;
  lastChecked(): number;
}

const instance = wasmInstances<HammingExports>(HAMMING_WASM);

/** Bytes of a table's descriptor in the module's memory (assembly/hamming.ts DESC_BYTES). */
const DESC_BYTES = 20;

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
  private readonly kernel: HammingExports;
  /** the module's memory as u32 words: the answers of a search are read from it */
  private readonly words: Uint32Array;
  private readonly at: { desc: number; seen: number; out: number };
  private stamp = 0;

  /** hashes: n × [hi, lo]; copied into the index's tables. */
  constructor(
    hashes: Uint32Array,
    readonly substrings = defaultSubstrings(hashes.length / 2),
  ) {
    if (!Number.isInteger(substrings) || substrings < 64 / MAX_WIDTH || substrings > 64) {
      throw new RangeError(`substrings must be an integer from ${64 / MAX_WIDTH} to 64`);
    }
    const n = (this.size = hashes.length >>> 1);
    // Every table's key bits, its CSR buckets (the entries of bucket b are ids[offsets[b] .. offsets[b + 1])) and
    // its hashes in bucket order (a bucket's hashes are read in one run, and only the few within the radius look up
    // whether this search has met them already); then a mark per entry, and room for every entry as an answer.
    const tables = interleaved(substrings);
    const blocks = [DESC_BYTES * substrings, 4 * n, 8 * n];
    for (const bits of tables) blocks.push(bits.length, 4 * ((1 << bits.length) + 1), 8 * n, 4 * n);
    const k = instance();
    const { at, heap } = k.reserve(blocks);
    this.kernel = k.exports;
    this.words = new Uint32Array(heap.buffer);
    this.at = { desc: at[0]!, seen: at[1]!, out: at[2]! };
    const keys = new Uint32Array(n);
    tables.forEach((bits, t) => {
      const [bitsAt, offsetsAt, hashesAt, idsAt] = at.slice(3 + 4 * t, 7 + 4 * t) as [number, number, number, number];
      heap.set(bits, bitsAt);
      this.words.set([bits.length, bitsAt, offsetsAt, hashesAt, idsAt], (at[0]! + DESC_BYTES * t) >>> 2);
      const offsets = this.words.subarray(offsetsAt >>> 2, (offsetsAt >>> 2) + (1 << bits.length) + 1);
      for (let i = 0; i < n; i++) {
        keys[i] = keyOf(hashes[2 * i]!, hashes[2 * i + 1]!, bits);
        offsets[keys[i]! + 1]!++;
      }
      for (let b = 1; b < offsets.length; b++) offsets[b]! += offsets[b - 1]!;
      const fill = offsets.slice(0, -1);
      // a hash as the module reads it: one little-endian u64, hi above lo
      for (let i = 0; i < n; i++) {
        const p = fill[keys[i]!]!++;
        this.words[(idsAt >>> 2) + p] = i;
        this.words[(hashesAt >>> 2) + 2 * p] = hashes[2 * i + 1]!;
        this.words[(hashesAt >>> 2) + 2 * p + 1] = hashes[2 * i]!;
      }
    });
  }

  /**
   * Calls visit(i, distance) once for every stored hash i within `radius` bits of [hi, lo], in no set order (the
   * same order each time). Returns the number of hashes compared (for measuring).
   */
  search(hi: number, lo: number, radius: number, visit: (i: number, distance: number) => void): number {
    if (++this.stamp === 0xffffffff) {
      this.words.fill(0, this.at.seen >>> 2, (this.at.seen >>> 2) + this.size);
      this.stamp = 1;
    }
    const found = this.kernel.search(this.at.desc, this.substrings, this.at.seen, this.at.out, hi, lo, radius, this.stamp);
    const checked = this.kernel.lastChecked();
    if (found === 0) return checked;
    // the answers are read before any visit: a visit may search this index again, which writes over them
    const out = this.words.slice(this.at.out >>> 2, (this.at.out >>> 2) + 2 * found);
    for (let k = 0; k < found; k++) visit(out[2 * k]!, out[2 * k + 1]!);
    return checked;
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
