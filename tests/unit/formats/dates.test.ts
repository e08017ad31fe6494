// Issue 9, item 14: one date parser for the registry and the batches, in shared/formats/dates.ts.
import { describe, expect, it } from 'vitest';
import { excelSerialDate, parseDate, parseRecognitionDate } from '../../../shared/formats/dates';
import { FILING_HEADERS, parseFilingRow } from '../../../shared/formats/filings';
import { mapHeaders } from '../../../shared/formats/headers';
import { validateMark } from '../../../shared/formats/registry';

describe('parseDate', () => {
  it('accepts the forms clerks and exports write', () => {
    for (const text of ['2015-06-01', '2015/6/1', '2015年6月1日', '2015.6.1', '２０１５－０６－０１', '2015-06-01T00:00:00.000Z', ' 2015-6-1 ', '20150601']) {
      expect(parseDate(text), text).toBe('2015-06-01');
    }
  });

  it('refuses impossible and implausible dates', () => {
    for (const text of ['2019-02-31', '2023-02-29', '2019-13-01', '2019-00-10', '0000-01-01', '9999-12-31', '20190231', '62000001', '2015061', '明年', '']) {
      expect(parseDate(text), text).toBeNull();
    }
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
  });

  it('turns Excel serial dates into calendar days (1900 and 1904 systems)', () => {
    expect(excelSerialDate(42156, false)).toBe('2015-06-01');
    expect(excelSerialDate(42156.99, false)).toBe('2015-06-01');
    expect(excelSerialDate(61, false)).toBe('1900-03-01');
    expect(excelSerialDate(40694, true)).toBe('2015-06-01');
    expect(excelSerialDate(-1, false)).toBeNull();
    expect(excelSerialDate(Number.NaN, false)).toBeNull();
  });

  it('reads a recognition date given only as a year-month or a year, and keeps it that short', () => {
    expect(parseRecognitionDate('2006年10月20日')).toBe('2006-10-20');
    for (const text of ['2006-10', '2006/10', '2006.10', '2006年10月', '２００６－１０', ' 2006-10 ']) expect(parseRecognitionDate(text), text).toBe('2006-10');
    for (const text of ['2006', '2006年']) expect(parseRecognitionDate(text), text).toBe('2006');
    for (const text of ['2006-13', '2006-00', '1800', '06', '2006年10月份左右', '']) expect(parseRecognitionDate(text), text).toBeNull();
    // a filing's dates stay full days: the opposition deadline counts from one
    expect(parseDate('2006-10')).toBeNull();
  });

  it('is the parser both the filing rows and the registry use', () => {
    const mapped = mapHeaders(FILING_HEADERS.map((h) => h.header), FILING_HEADERS);
    if (!mapped.ok) throw new Error(mapped.error);
    const filing = parseFilingRow(['1', '青湖', '30', '', '', '', '', '2015年6月1日', '', '2015/6/1'], mapped.columns);
    expect(filing.ok && [filing.value.filedOn, filing.value.publishedOn]).toEqual(['2015-06-01', '2015-06-01']);
    expect(parseFilingRow(['1', '青湖', '30', '', '', '', '', '2019-02-31', '', ''], mapped.columns)).toMatchObject({ ok: false });
    const mark = { id: 'Q1', name: '青湖', category: '老字号', classes: [30], registrationNumber: '', holder: '', aliases: [], region: '', notes: '' };
    expect(validateMark({ ...mark, recognizedOn: '2015年6月1日' })).toMatchObject({ ok: true, value: { recognizedOn: '2015-06-01' } });
    expect(validateMark({ ...mark, recognizedOn: '2019-02-31' })).toMatchObject({ ok: false, reason: expect.stringContaining('认定日期') });
    expect(validateMark({ ...mark, recognizedOn: '2006年10月' })).toMatchObject({ ok: true, value: { recognizedOn: '2006-10' } });
  });
});
