// How an image hit joins the text engine's hits on a filing or listing (issue 12). The text engine's verdict stands:
// its hits are kept as they are; an image hit on a mark the text did not hit is added with reason 图形近似; an image
// hit and a text hit on the same mark become one hit with both reasons and a raised score. One home for that rule.
import type { Hit } from './domain';

/**
 * The score of a mark hit both by its name and by its image: the two taken as independent signs of imitation,
 * 1 − (1 − text)(1 − image). Never below either, and 1 only when one of them is.
 */
export function combinedScore(text: number, image: number): number {
  return 1 - (1 - clamp(text)) * (1 - clamp(image));
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** The text hits with the image hits joined in (one hit per mark), best first. */
export function joinImageHits(textHits: readonly Hit[], imageHits: readonly Hit[]): Hit[] {
  const byMark = new Map<string, Hit>(textHits.map((h) => [h.markId, h]));
  for (const image of imageHits) {
    const text = byMark.get(image.markId);
    if (!text) {
      byMark.set(image.markId, image);
      continue;
    }
    const reasons = [...text.reasons, ...image.reasons.filter((r) => !text.reasons.includes(r))];
    byMark.set(image.markId, { ...text, score: combinedScore(text.score, image.score), reasons, ...(image.images ? { images: image.images } : {}) });
  }
  return [...byMark.values()].sort((a, b) => b.score - a.score || a.markId.localeCompare(b.markId));
}
