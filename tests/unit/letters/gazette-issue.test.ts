import { describe, expect, it } from 'vitest';
import { gazetteIssueLabel, gazetteIssueNumber } from '../../../shared/gazette-issue';

describe('gazette issue normalisation (one place for 第…期)', () => {
  it.each([
    ['1935', '第1935期'],
    ['第1935期', '第1935期'],
    ['1935期', '第1935期'],
    ['第1935', '第1935期'],
    [' 第 1935 期 ', '第1935期'],
    ['１９３５', '第1935期'],
    ['第０１９３５期', '第1935期'],
    ['01935', '第1935期'],
  ])('%s → %s', (raw, label) => {
    expect(gazetteIssueLabel(raw)).toBe(label);
    expect(gazetteIssueNumber(raw)).toBe('1935');
  });

  it('never doubles 第 or 期, and keeps other forms as written', () => {
    expect(gazetteIssueLabel('')).toBe('');
    expect(gazetteIssueLabel('   ')).toBe('');
    expect(gazetteIssueLabel('2026年第3期')).toBe('2026年第3期');
    expect(gazetteIssueLabel('增刊')).toBe('增刊');
    expect(gazetteIssueNumber('2026年第3期')).toBeNull();
    for (const raw of ['第1935期', '1935', '第1935期期', '第第1935期']) expect(gazetteIssueLabel(raw)).not.toMatch(/第第|期期/);
  });
});
