// Labels and small helpers of the letters page.
import type { LetterSummary } from '../../../../shared/contract/letters';
import { LETTER_STATUS_LABELS } from '../../../../shared/letters/model';

export const KIND_SHORT = { referral: '移送函', 'holder-notice': '告知函' } as const;

export function statusLabel(letter: Pick<LetterSummary, 'status'>): string {
  return LETTER_STATUS_LABELS[letter.status];
}

/** 第四条、第三十二条 ⇄ ['第四条', '第三十二条'], accepting the separators clerks type. */
export function parseGrounds(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export const joinGrounds = (grounds: readonly string[]): string => grounds.join('、');
