import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, letterFileStem, parseDocumentNumber, provisionalDocumentNumber } from '../../../shared/letters/numbering';

describe('document number (GB/T 9704)', () => {
  it('writes body code, full year in 〔〕, sequence without 第 or leading zeros', () => {
    expect(formatDocumentNumber('青市监商函', 2026, 12)).toBe('青市监商函〔2026〕12号');
    expect(formatDocumentNumber(' 青市监商函 ', 2027, 1)).toBe('青市监商函〔2027〕1号');
    expect(formatDocumentNumber('青市监商函', 2026, 100)).toBe('青市监商函〔2026〕100号');
  });

  it('refuses a missing code, a two-digit year and a sequence below 1, in Chinese', () => {
    expect(() => formatDocumentNumber('', 2026, 1)).toThrow(/机关代字/);
    expect(() => formatDocumentNumber('青市监商函', 26, 1)).toThrow(/四位/);
    expect(() => formatDocumentNumber('青市监商函', 2026, 0)).toThrow(/正整数/);
    expect(() => formatDocumentNumber('青市监商函', 2026, 1.5)).toThrow(/正整数/);
  });

  it('parses its own numbers and nothing with 第 or leading zeros', () => {
    expect(parseDocumentNumber('青市监商函〔2026〕12号')).toEqual({ bodyCode: '青市监商函', year: 2026, sequence: 12 });
    expect(parseDocumentNumber('青市监商函〔2026〕第12号')).toBeNull();
    expect(parseDocumentNumber('青市监商函〔2026〕012号')).toBeNull();
    expect(parseDocumentNumber('青市监商函[2026]12号')).toBeNull();
  });

  it('shows a provisional number before issue and a safe file name after', () => {
    expect(provisionalDocumentNumber('青市监商函', 2026)).toBe('青市监商函〔2026〕（签发时编号）号');
    expect(letterFileStem('青市监商函〔2026〕12号')).toBe('青市监商函〔2026〕12号');
    expect(letterFileStem('a/b:c')).toBe('a_b_c');
  });
});
