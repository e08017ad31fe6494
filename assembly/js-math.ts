// AssemblyScript shared by the kernels (imported, not compiled alone): JavaScript's arithmetic where WebAssembly's
// differs, so that a kernel gives the bytes the JavaScript it replaced gave.

/**
 * JavaScript's Math.round: halves up, toward +∞ (WebAssembly's nearest rounds them to even). A −0 may come out +0,
 * which compares equal wherever the kernels use it.
 */
export function roundHalfUp(x: f64): f64 {
  const r = Math.floor(x);
  // exact: x − ⌊x⌋ is representable for every finite x
  return x - r >= 0.5 ? r + 1 : r;
}
