// AssemblyScript, compiled to WebAssembly by build/gen-wasm.mjs into shared/engine/logo/hamming-wasm.ts (committed).
// The look-ups of the multi-index Hamming search (shared/engine/logo/hamming-index.ts, which lays the tables out in
// this module's memory and reads the answers back): for each table, the bucket of the query's key and of every key
// within its radius of flips, each bucket's hashes compared on all 64 bits with one popcount. A search's answers are
// written in the order they are met, each entry once.
//
// The radii are Norouzi, Punjani & Fleet's tighter pigeonhole (2012, proposition 2): for r = q·m + s (0 ≤ s < m), a
// hash within r bits is within q bits of the query in one of the first s + 1 substrings or within q − 1 in one of
// the others — were it not, it would differ in at least (s + 1)(q + 1) + (m − s − 1)q = r + 1 bits. So the first
// s + 1 tables are probed to q flips and the others to q − 1 (not at all when q is 0), where probing every table to
// q flips found nothing more: at the radii the search uses (2–6 bits over 4–5 substrings) most tables are probed
// at their own key alone, not at it and every key a flip away.

/** A table's descriptor at desc + 20t: width, then the offsets of its key bits (u8), offsets, hashes (u64), ids. */
const DESC_BYTES: usize = 20;

// the current search, kept in globals so the recursive probe takes only what changes between calls
let query: u64 = 0;
let radius: i32 = 0;
let stamps: usize = 0;
let stamp: u32 = 0;
let out: usize = 0;
let found: i32 = 0;
let checked: i32 = 0;
let width: i32 = 0;
let offsets: usize = 0;
let hashes: usize = 0;
let ids: usize = 0;

/** The key of hash h made of the table's bits (bit 0 = the hash's top bit), the first of them highest. */
function keyOf(h: u64, bits: usize, w: i32): u32 {
  let key: u32 = 0;
  for (let j = 0; j < w; j++) key = (key << 1) | <u32>((h >> (63 - <u64>load<u8>(bits + j))) & 1);
  return key;
}

/** Compares the hashes of bucket k; writes [entry, distance] for those within the radius not met yet this search. */
function probe(k: u32): void {
  const start = load<u32>(offsets + (<usize>k << 2));
  const end = load<u32>(offsets + (<usize>k << 2) + 4);
  checked += <i32>(end - start);
  for (let p = start; p < end; p++) {
    const d = <i32>popcnt<u64>(load<u64>(hashes + (<usize>p << 3)) ^ query);
    if (d > radius) continue;
    const i = load<u32>(ids + (<usize>p << 2));
    const s = stamps + (<usize>i << 2);
    if (load<u32>(s) == stamp) continue;
    store<u32>(s, stamp);
    store<u32>(out + (<usize>found << 3), i);
    store<u32>(out + (<usize>found << 3) + 4, <u32>d);
    found++;
  }
}

/** Probes k and every key with up to `left` more flips at positions ≥ from (each key once). */
function deeper(k: u32, from: i32, left: i32): void {
  probe(k);
  if (left > 0) for (let b = from; b < width; b++) deeper(k ^ (<u32>1 << <u32>b), b + 1, left - 1);
}

/**
 * Every stored hash within `r` bits of [hi, lo] that this search (`mark`, which the caller changes every search) has
 * not met, as [entry, distance] u32 pairs at `output`; returns how many. `seen` holds a u32 mark per entry.
 */
export function search(desc: usize, tables: i32, seen: usize, output: usize, hi: u32, lo: u32, r: i32, mark: u32): i32 {
  query = (<u64>hi << 32) | <u64>lo;
  radius = r;
  stamps = seen;
  stamp = mark;
  out = output;
  found = 0;
  checked = 0;
  const q = r / tables;
  const s = r % tables;
  for (let t = 0; t < tables; t++) {
    const sub = t <= s ? q : q - 1;
    if (sub < 0) break;
    const d = desc + <usize>t * DESC_BYTES;
    width = load<i32>(d);
    const bits = <usize>load<u32>(d + 4);
    offsets = <usize>load<u32>(d + 8);
    hashes = <usize>load<u32>(d + 12);
    ids = <usize>load<u32>(d + 16);
    deeper(keyOf(query, bits, width), 0, sub);
  }
  return found;
}

/** How many hashes the last search compared (an entry met in several tables counted in each). */
export function lastChecked(): i32 {
  return checked;
}
