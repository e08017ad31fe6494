// AssemblyScript imported by a kernel (not compiled alone): the union–find over runs of set pixels that the content
// mask's specks (ink.ts clearSpecks) and the blobs (blobs.ts label) are found by. A run is 16 bytes; the run it is
// joined to, an earlier one, is the i32 at offset 8.

/** The root of run k's set, halving the path on the way (every parent an earlier run). */
export function runRoot(runs: usize, k: i32): i32 {
  let r = k;
  let parent = load<i32>(runs + (<usize>r << 4), 8);
  while (parent != r) {
    const grand = load<i32>(runs + (<usize>parent << 4), 8);
    store<i32>(runs + (<usize>r << 4), grand, 8);
    r = grand;
    parent = load<i32>(runs + (<usize>r << 4), 8);
  }
  return r;
}
