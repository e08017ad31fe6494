// AssemblyScript imported by a kernel (not compiled alone): the 8-connected flood that finds the pieces of what a
// ground holds (grounds.ts heldBy). The content mask's specks are found by runs instead (ink.ts clearSpecks).

/**
 * Floods from pixel `start` of the w × h bytes at `state` through the 8-connected pixels whose byte is `from`,
 * setting each to `to` (start too, which must be `from`). The pixels reached are left at `stack` (i32, room for
 * w × h) in the order they were reached; returns how many.
 */
export function flood8(state: usize, w: i32, h: i32, start: i32, from: u8, to: u8, stack: usize): i32 {
  store<u8>(state + <usize>start, to);
  store<i32>(stack, start);
  let top = 1;
  for (let filled = 0; filled < top; filled++) {
    const i = load<i32>(stack + (<usize>filled << 2));
    const x = i % w;
    const y = (i - x) / w;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const j = yy * w + xx;
        if (load<u8>(state + <usize>j) != from) continue;
        store<u8>(state + <usize>j, to);
        store<i32>(stack + (<usize>top << 2), j);
        top++;
      }
    }
  }
  return top;
}
