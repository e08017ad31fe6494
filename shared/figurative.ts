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

/**
 * What shared Vienna codes (图形要素相同) add to a hit already found by name or image: a second signal, never a hit
 * of its own (a code such as 26.1.1, circles, is shared by thousands of marks). Joined like an image score.
 */
export const VIENNA_CODES_SCORE = 0.2;

/** The hits with 图形要素相同 added (and the score raised) where the row and the mark share a Vienna code. */
export function withViennaCodes(hits: readonly Hit[], rowCodes: readonly string[], markCodes: ReadonlyMap<string, ReadonlySet<string>>): Hit[] {
  if (rowCodes.length === 0) return [...hits];
  return hits
    .map((hit) => {
      const codes = markCodes.get(hit.markId);
      if (!codes || !rowCodes.some((code) => codes.has(code)) || hit.reasons.includes('viennaCodes')) return hit;
      return { ...hit, score: combinedScore(hit.score, VIENNA_CODES_SCORE), reasons: [...hit.reasons, 'viennaCodes' as const] };
    })
    .sort((a, b) => b.score - a.score || a.markId.localeCompare(b.markId));
}

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
