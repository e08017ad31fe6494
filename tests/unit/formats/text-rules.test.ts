// Issue 9, items 10 and 11: one rule for every text that can reach a letter — invalid bytes (U+FFFD) and control
// characters refused in every field, bidi controls and invisible characters stripped — and one table of length
// limits, applied at every boundary with a Chinese message that names the field and the limit.
import { describe, expect, it } from 'vitest';
import { FILING_HEADERS, parseFilingRow } from '../../../shared/formats/filings';
import { mapHeaders } from '../../../shared/formats/headers';
import { LISTING_HEADERS, parseListingRow } from '../../../shared/formats/listings';
import { parseRegistryRow, REGISTRY_HEADERS } from '../../../shared/formats/registry';
import { TEXT_LIMITS } from '../../../shared/formats/limits';
import { cleanText, textProblem } from '../../../shared/formats/text';
import { LetterFieldsSchema, LetterSettingsSchema, LetterTemplateSchema } from '../../../shared/letters/model';
import { DEFAULT_LETTER_SETTINGS } from '../../../shared/letters/defaults';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

function columnsOf<K extends string>(spec: { key: K; header: string; required: boolean }[]) {
  const mapped = mapHeaders(spec.map((h) => h.header), spec);
  if (!mapped.ok) throw new Error(mapped.error);
  return mapped.columns;
}

const filingCells = () => ['62000001', '青湖春', '30', '茶;咖啡', '某某公司', '西宁市城西区', '某某代理', '2026-01-02', '第1950期', '2026-06-06'];
const listingCells = () => ['L1', '淘宝', '某某店', '正宗青海牦牛肉干', 'https://item.example/1', '99', '西宁'];
const registryCells = () => ['Q1', '青稞王', '老字号', '33', '123', '青稞王酒业', 'QINGKEWANG', '青海省', '2012-03-05', '备注'];

const tables = [
  { name: 'filing', spec: FILING_HEADERS, cells: filingCells, parse: (c: string[]) => parseFilingRow(c, columnsOf(FILING_HEADERS)) },
  { name: 'listing', spec: LISTING_HEADERS, cells: listingCells, parse: (c: string[]) => parseListingRow(c, columnsOf(LISTING_HEADERS)) },
  { name: 'registry', spec: REGISTRY_HEADERS, cells: registryCells, parse: (c: string[]) => parseRegistryRow(c, columnsOf(REGISTRY_HEADERS)) },
];

describe('one text rule for every field (item 10)', () => {
  for (const table of tables) {
    it(`refuses invalid bytes and control characters in every ${table.name} field, naming the field`, () => {
      table.spec.forEach(({ header }, index) => {
        for (const bad of ['\uFFFD', '\u0000', '\u0007', '\u009b']) {
          const cells = table.cells();
          cells[index] = `${cells[index]}${bad}x`;
          const result = table.parse(cells);
          expect(result.ok, `${header} with U+${bad.charCodeAt(0).toString(16)}`).toBe(false);
          if (!result.ok) expect(result.reason).toContain(`「${header}」`);
        }
      });
    });

    it(`strips bidi controls and invisible characters from every ${table.name} field`, () => {
      const cells = table.cells().map((cell) => (cell === '' ? cell : `${BIDI[cell.length % BIDI.length]}${cell}\u200b${BIDI[4]}`));
      const result = table.parse(cells);
      expect(result.ok).toBe(true);
      if (result.ok) expect(JSON.stringify(result.value)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    });
  }

  it('cleans and checks with one function pair', () => {
    expect(cleanText('\u202e青海湖\u202c')).toBe('青海湖');
    expect(cleanText(' 青\t海\r\n湖 ')).toBe('青 海 湖');
    expect(cleanText('第一段\r\n\u2067第二段', { multiline: true })).toBe('第一段\n第二段');
    expect(textProblem('申请人名称', '甲\u0000')).toMatch(/「申请人名称」.*控制字符/);
    expect(textProblem('申请号', '6200\uFFFD')).toMatch(/「申请号」.*无法识别/);
    expect(textProblem('正文', '第一段\n第二段', { multiline: true })).toBeNull();
  });

  it('keeps bidi controls out of letter settings, templates and letter edits, and refuses NUL there', () => {
    const settings = LetterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, issuingBody: '\u202e青海省市场监督管理局', printingBody: '办公室\u2066' });
    expect(settings.success && settings.data.issuingBody).toBe('青海省市场监督管理局');
    expect(settings.success && settings.data.printingBody).toBe('办公室');
    const nul = LetterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, contactPerson: '张\u0000三' });
    expect(nul.success).toBe(false);
    if (!nul.success) expect(nul.error.issues[0]?.message).toMatch(/控制字符/);
    const template = LetterTemplateSchema.safeParse({ title: '关于\u202e的函', recipient: '商标局', body: '第一段\n第二段', attachments: '' });
    expect(template.success && template.data.title).toBe('关于的函');
    expect(template.success && template.data.body).toBe('第一段\n第二段');
    const fields = LetterFieldsSchema.safeParse({
      title: '函', recipient: '商标局\u2067', body: '正文', attachments: '', copyTo: '',
      rows: [{ hitId: 1, request: '提出异议', grounds: ['第十三条\u202e第三款'], evidence: '证据\uFFFD' }],
    });
    expect(fields.success).toBe(false);
    if (!fields.success) expect(fields.error.issues[0]?.message).toMatch(/「证据说明」.*无法识别/);
    const clean = LetterFieldsSchema.parse({
      title: '函', recipient: '商标局\u2067', body: '正文', attachments: '', copyTo: '',
      rows: [{ hitId: 1, request: '提出异议', grounds: ['第十三条\u202e第三款'], evidence: '' }],
    });
    expect(clean.recipient).toBe('商标局');
    expect(clean.rows[0]?.grounds).toEqual(['第十三条第三款']);
  });
});

describe('one table of length limits (item 11)', () => {
  it('limits every column of every imported table', () => {
    for (const [table, spec] of [['filing', FILING_HEADERS], ['listing', LISTING_HEADERS], ['registry', REGISTRY_HEADERS]] as const) {
      for (const { key } of spec) {
        if (key === 'niceClass' || key === 'classes' || key === 'category' || key === 'filedOn' || key === 'publishedOn' || key === 'recognizedOn') continue;
        const limits = TEXT_LIMITS[table] as Record<string, { max: number } | undefined>;
        expect(limits[key === 'aliases' ? 'alias' : key]?.max, `${table}.${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('refuses an over-long value in every text field with the field, its length and the limit', () => {
    const applicant = filingCells();
    applicant[4] = '甲'.repeat(1_000_000);
    expect(parseFilingRow(applicant, columnsOf(FILING_HEADERS))).toEqual({
      ok: false,
      reason: `「申请人名称」过长（1000000 字，最多 ${TEXT_LIMITS.filing.applicant.max} 字）`,
    });
    for (const table of tables) {
      table.spec.forEach(({ key, header }, index) => {
        const limit = (TEXT_LIMITS[table.name as 'filing'] as Record<string, { max: number } | undefined>)[key === 'aliases' ? 'alias' : key];
        if (!limit) return;
        const cells = table.cells();
        cells[index] = '长'.repeat(limit.max + 1);
        const result = table.parse(cells);
        expect(result.ok, `${table.name}.${key}`).toBe(false);
        if (!result.ok) expect(result.reason).toContain(`「${header}」过长`);
      });
    }
  });

  it('limits letter settings and letter edits with a Chinese message', () => {
    const settings = LetterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, copyTo: '抄'.repeat(TEXT_LIMITS.letterSettings.copyTo.max + 1) });
    expect(settings.success).toBe(false);
    if (!settings.success) expect(settings.error.issues[0]?.message).toMatch(/「抄送」过长/);
    const fields = LetterFieldsSchema.safeParse({
      title: '函', recipient: '商标局', body: '正'.repeat(TEXT_LIMITS.letterFields.body.max + 1), attachments: '', copyTo: '',
      rows: [{ hitId: 1, request: '提出异议', grounds: [], evidence: '' }],
    });
    expect(fields.success).toBe(false);
    if (!fields.success) expect(fields.error.issues[0]?.message).toMatch(/「正文」过长/);
  });
});
