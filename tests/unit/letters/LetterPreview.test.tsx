// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { composeLetter, draftFields } from '../../../shared/letters/compose';
import { DEFAULT_LETTER_SETTINGS } from '../../../shared/letters/defaults';
import { LetterTemplatesSchema } from '../../../shared/letters/model';
import { LetterPreview } from '../../../renderer/src/pages/letters/LetterPreview';
import { parseGrounds } from '../../../renderer/src/pages/letters/labels';
import { facts } from './facts';

afterEach(cleanup);

const seeds = LetterTemplatesSchema.parse(
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../seeds/letter-templates/templates.json'), 'utf8')),
);

describe('LetterPreview', () => {
  it('draws the head, number, title, recipient, signature and one table row per filing (a filing may repeat)', () => {
    const hits = [facts(), facts({ hitId: 2, protectedMarkName: '柴达木', reasons: ['contains'] })];
    const fields = draftFields('referral', seeds.referral, DEFAULT_LETTER_SETTINGS, hits, new Map(), '2026-11-29');
    const letter = composeLetter({ kind: 'referral', settings: DEFAULT_LETTER_SETTINGS, fields, facts: hits, documentNumber: '青市监商函〔2026〕12号', date: '2026-11-29' });
    const { container } = render(<LetterPreview letter={letter} />);
    expect(container.querySelector('.letter-head')?.textContent).toBe('青海省市场监督管理局');
    expect(container.querySelector('.letter-number')?.textContent).toBe('青市监商函〔2026〕12号');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(letter.title);
    expect(screen.getByText('国家知识产权局商标局：')).toBeTruthy();
    expect(screen.getByText('2026年11月29日')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getAllByText('70000001')).toHaveLength(2);
    expect(screen.getByText('附件：涉嫌恶意抢注商标申请情况表')).toBeTruthy();
  });
});

describe('parseGrounds', () => {
  it('accepts the separators clerks type', () => {
    expect(parseGrounds('第四条、第三十二条，第十条第二款 ; 第十六条第一款')).toEqual(['第四条', '第三十二条', '第十条第二款', '第十六条第一款']);
    expect(parseGrounds('  ')).toEqual([]);
  });
});
