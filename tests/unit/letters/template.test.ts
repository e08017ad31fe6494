import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeLetter, draftFields } from '../../../shared/letters/compose';
import { DEFAULT_LETTER_SETTINGS } from '../../../shared/letters/defaults';
import { LetterTemplatesSchema } from '../../../shared/letters/model';
import { checkTemplate, fillTemplate, PLACEHOLDERS, type PlaceholderValues } from '../../../shared/letters/template';
import { facts } from './facts';

const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `<${p}>`])) as PlaceholderValues;
const seeds = LetterTemplatesSchema.parse(
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../seeds/letter-templates/templates.json'), 'utf8')),
);
const settings = { ...DEFAULT_LETTER_SETTINGS, contactPerson: '张三', contactPhone: '0971-6300000' };

describe('template filling', () => {
  it('replaces every known placeholder, with spaces inside the braces allowed', () => {
    expect(fillTemplate('致{{收文机关}}：{{ 文号 }}', values)).toBe('致<收文机关>：<文号>');
  });

  it('names an unknown placeholder in Chinese instead of leaving a blank', () => {
    expect(() => fillTemplate('{{申请人}}与{{商标名}}', values, '正文')).toThrow(/正文中的占位符「\{\{商标名\}\}」无法识别/);
    expect(() => fillTemplate('{{}}', values)).toThrow(/空的占位符/);
    expect(() => fillTemplate('{{申请人}', values)).toThrow(/未配对/);
    expect(checkTemplate('{{甲}}{{乙}}')).toHaveLength(2);
  });

  it('the default templates use only known placeholders', () => {
    for (const template of Object.values(seeds)) {
      for (const text of Object.values(template)) expect(checkTemplate(text)).toEqual([]);
    }
  });
});

describe('composing a letter', () => {
  const hits = [
    facts(),
    facts({ hitId: 2, applicationNumber: '70000002', markText: '柴达牧枸杞', reasons: ['homophone'], oppositionDeadline: '2027-03-15' }),
  ];
  const fields = draftFields('referral', seeds.referral, settings, hits, new Map(), '2026-11-29');

  it('fills the title, number, recipient, body, attachment table and foot lines', () => {
    const letter = composeLetter({ kind: 'referral', settings, fields, facts: hits, documentNumber: '青市监商函〔2026〕12号', date: '2026-11-29' });
    expect(letter.title).toBe('青海省市场监督管理局关于提请对某某商贸有限公司申请注册的2件商标不予核准注册的函');
    expect(letter.documentNumber).toBe('青市监商函〔2026〕12号');
    expect(letter.recipient).toBe('国家知识产权局商标局');
    expect(letter.paragraphs.join('')).toContain('《中华人民共和国商标法》第十六条第一款');
    expect(letter.paragraphs.join('')).toContain('2027年2月27日');
    expect(letter.paragraphs.at(-1)).toBe('特此函告，请予研处。');
    expect(letter.dateText).toBe('2026年11月29日');
    expect(letter.note).toBe('（联系人：张三，电话：0971-6300000）');
    expect(letter.table.rows.map((r) => [r.applicationNumber, r.imitation, r.grounds])).toEqual([
      ['70000001', '增加文字', '《商标法》第十六条第一款、第三十三条'],
      ['70000002', '读音相同或相近', '《商标法》第十六条第一款、第三十三条'],
    ]);
    expect(letter.table.rows[0]?.publication).toBe('第1960期 2026-11-27');
    expect(letter.printedOn).toBe('2026年11月29日印发');
  });

  it('shows a provisional number before issue and drops an empty evidence line', () => {
    const letter = composeLetter({ kind: 'referral', settings, fields, facts: hits, documentNumber: null, date: '2026-11-29' });
    expect(letter.documentNumber).toContain('（签发时编号）');
    expect(letter.paragraphs.some((p) => p.startsWith('有关证据'))).toBe(false);
  });

  it('reports an unknown placeholder in the edited body', () => {
    const edited = { ...fields, body: `${fields.body}\n请联系{{经办人}}` };
    expect(() => composeLetter({ kind: 'referral', settings, fields: edited, facts: hits, documentNumber: null, date: '2026-11-29' })).toThrow(
      /「\{\{经办人\}\}」无法识别/,
    );
  });

  it('a notice goes to the right holder and asks it to oppose', () => {
    const notice = draftFields('holder-notice', seeds['holder-notice'], settings, hits, new Map(), '2026-11-29');
    const letter = composeLetter({ kind: 'holder-notice', settings, fields: notice, facts: hits, documentNumber: null, date: '2026-11-29' });
    expect(letter.recipient).toBe('海西州枸杞协会');
    expect(letter.title).toBe('青海省市场监督管理局关于“柴达木枸杞”商标涉嫌被他人抢注的函');
    expect(letter.table.rows.every((r) => r.request === '提出异议')).toBe(true);
  });

  it('prints the gazette issue once as 第1935期, whether the file wrote 1935 or 第1935期 (table and body)', () => {
    for (const gazetteIssue of ['1935', '第1935期', '1935期', '１９３５']) {
      const issued = [facts({ gazetteIssue }), facts({ hitId: 2, applicationNumber: '70000002', gazetteIssue })];
      const notice = draftFields('holder-notice', seeds['holder-notice'], settings, issued, new Map(), '2026-11-29');
      const letter = composeLetter({ kind: 'holder-notice', settings, fields: notice, facts: issued, documentNumber: null, date: '2026-11-29' });
      expect(letter.table.rows.map((r) => r.publication)).toEqual(['第1935期 2026-11-27', '第1935期 2026-11-27']);
      expect(letter.paragraphs.join('')).toContain('已于第1935期商标公告初步审定');
      expect(JSON.stringify(letter)).not.toMatch(/第第|期期/);
    }
  });

  it('lists a filing once in the attachment, with every mark it imitates on its own line', () => {
    const twice = [
      facts(),
      facts({ hitId: 2, protectedMarkName: '柴达木', category: '省著名商标', registrationNumber: '99887766', reasons: ['contains'] }),
      // The same mark entered twice in the registry is still one mark.
      facts({ hitId: 3, protectedMarkId: 'GI-009' }),
    ];
    const drafted = draftFields('referral', seeds.referral, settings, twice, new Map(), '2026-11-29');
    const letter = composeLetter({ kind: 'referral', settings, fields: drafted, facts: twice, documentNumber: null, date: '2026-11-29' });
    expect(letter.table.rows).toHaveLength(1);
    expect(letter.table.rows[0]).toMatchObject({
      applicationNumber: '70000001',
      protectedMark: '柴达木枸杞\n柴达木',
      category: '地理标志\n省著名商标',
      registrationNumber: '12345678\n99887766',
      imitation: '增加文字\n包含',
      grounds: '《商标法》第十六条第一款、第三十条、第三十二条、第三十三条',
    });
    expect(letter.title).toContain('1件商标');
  });

  it('refuses a letter asking what the stage does not allow, and follows the stage the clerk chose', () => {
    const invalid = { ...fields, rows: fields.rows.map((r) => ({ ...r, request: '宣告无效' as const, grounds: ['第十六条第一款', '第四十四条第一款'] })) };
    expect(() => composeLetter({ kind: 'referral', settings, fields: invalid, facts: hits, documentNumber: null, date: '2026-11-29' })).toThrow(
      /申请号 70000001（公告期内）尚未注册，不能依据第四十四条第一款请求宣告无效/,
    );
    // The same rows are right once the clerk says the filing is registered.
    const registered = { ...invalid, rows: invalid.rows.map((r) => ({ ...r, stage: 'registered' as const, grounds: ['第四条', '第十六条第一款', '第四十四条第一款', '第四十五条第一款'] })) };
    const letter = composeLetter({ kind: 'referral', settings, fields: registered, facts: hits, documentNumber: null, date: '2026-11-29' });
    expect(letter.title).toContain('商标宣告无效的函');
    expect(letter.paragraphs.join('')).toContain('上述商标已过异议期。');
    // A draft left until its deadline passed: the published request no longer stands.
    expect(() => composeLetter({ kind: 'referral', settings, fields, facts: hits, documentNumber: null, date: '2027-03-01' })).toThrow(/已过异议期，不能依据第三十三条提出异议/);
  });
});
