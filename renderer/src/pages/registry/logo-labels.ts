// How a checked image is turned against the mark's image it matched (the orientation numbering of
// shared/engine/logo/hash.ts: 1 a left-right mirror, 2 upside down, 3 a half turn, 4 the transpose, …).
const ORIENTATION_LABELS = ['原样', '左右镜像', '上下翻转', '旋转 180°', '沿对角线翻转', '旋转 90°', '旋转 90°', '沿对角线翻转'] as const;

export function orientationLabel(orientation: number): string {
  return ORIENTATION_LABELS[orientation] ?? '原样';
}
