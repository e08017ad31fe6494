import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../shared/formats/headers';
import { FILING_HEADERS, parseFilingRow } from '../../../shared/formats/filings';
import { LISTING_HEADERS, parseListingRow } from '../../../shared/formats/listings';
import { parseNiceClass } from '../../../shared/formats/cells';
import { parseDate } from '../../../shared/formats/dates';
import { cleanText as cleanCell } from '../../../shared/formats/text';

const FILING_HEAD = ['申请号', '商标名称', '国际分类', '商品服务', '申请人名称', '申请人地址', '代理机构', '申请日期', '初审公告期号', '初审公告日期'];

describe('mapHeaders', () => {
  it('accepts any order, extra columns, spaces, BOM and full-width characters', () => {
    const m = mapHeaders(['\uFEFF 备注 ', '国际分类', ' 商标名称', '申请号＊', '多余'], FILING_HEADERS);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.columns.applicationNumber).toBe(3);
    expect(m.columns.markText).toBe(2);
    expect(m.columns.niceClass).toBe(1);
    expect(m.columns.goods).toBe(-1);
  });
  it('names a missing required header', () => {
    const m = mapHeaders(['申请号', '名称', '国际分类'], FILING_HEADERS);
    expect(m).toEqual({ ok: false, error: expect.stringContaining('缺少必需的列「商标名称」') });
  });
  it('refuses a duplicated header', () => {
    const m = mapHeaders(['申请号', '商标名称', '商标名称', '国际分类'], FILING_HEADERS);
    expect(m.ok).toBe(false);
  });
  it('reads the headers other exports give the same columns (申请/注册号, 商标, 类别, 商品/服务, 申请人 …)', () => {
    const m = mapHeaders(['申请/注册号', '商标', '类别', '商品/服务', '申请人名称（中文）', '申请日', '公告期号'], FILING_HEADERS);
    expect(m).toEqual({ ok: true, columns: expect.objectContaining({ applicationNumber: 0, markText: 1, niceClass: 2, goods: 3, applicant: 4, filedOn: 5, gazetteIssue: 6 }) });
    const l = mapHeaders(['编号', '标题', '店铺名称', '发货地', '商品链接'], LISTING_HEADERS);
    expect(l).toEqual({ ok: true, columns: expect.objectContaining({ id: 0, title: 1, shop: 2, sellerLocation: 3, url: 4 }) });
  });
  it('takes a column by its own header before any other name for it, and names both when two other names meet', () => {
    const own = mapHeaders(['申请号', '商标', '商标名称', '国际分类'], FILING_HEADERS);
    expect(own).toMatchObject({ ok: true, columns: { markText: 2 } });
    const two = mapHeaders(['申请号', '商标', '商标文字', '国际分类'], FILING_HEADERS);
    expect(two).toEqual({ ok: false, error: '列「商标名称」出现了 2 次（「商标」「商标文字」），无法确定使用哪一列' });
  });
});

describe('cells', () => {
  it('parses the date forms of Chinese spreadsheets', () => {
    expect(parseDate('2026-3-5')).toBe('2026-03-05');
    expect(parseDate('2026/03/05')).toBe('2026-03-05');
    expect(parseDate('2026年3月5日')).toBe('2026-03-05');
    expect(parseDate('２０２６－０３－０５')).toBe('2026-03-05');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('明年')).toBeNull();
  });
  it('parses one Nice class', () => {
    expect(parseNiceClass('9')).toBe(9);
    expect(parseNiceClass('第09类')).toBe(9);
    expect(parseNiceClass('４５')).toBe(45);
    expect(parseNiceClass('46')).toBeNull();
    // a numeric spreadsheet column written out as text
    expect(parseNiceClass('30.0')).toBe(30);
    expect(parseNiceClass('30.5')).toBeNull();
    expect(parseNiceClass('9;10')).toBeNull();
    expect(parseNiceClass('')).toBeNull();
  });
  it('removes control and invisible characters', () => {
    expect(cleanCell(' 青\u0000稞\u200b酒\u0007\t王 ')).toBe('青稞酒 王');
  });
});

describe('parseFilingRow', () => {
  const m = mapHeaders(FILING_HEAD, FILING_HEADERS);
  if (!m.ok) throw new Error(m.error);
  const row = (over: Partial<Record<number, string>>) => {
    const cells = ['62000001', '青湖春', '30', '茶;咖啡', '某某公司', '西宁', '', '2026-01-02', '第1950期', '2026-06-06'];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v ?? '';
    return parseFilingRow(cells, m.columns);
  };
  it('parses a good row', () => {
    const r = row({});
    expect(r.ok && r.value).toMatchObject({ applicationNumber: '62000001', markText: '青湖春', niceClass: 30, goods: ['茶', '咖啡'], publishedOn: '2026-06-06' });
  });
  it('gives a Chinese reason for each bad value', () => {
    expect(row({ 0: '' })).toEqual({ ok: false, reason: '缺少申请号' });
    // marked as the only fault a device mark with an image may have (the caller that knows of the image decides)
    expect(row({ 1: '  ' })).toEqual({ ok: false, reason: '缺少商标名称', unnamed: true });
    // a name that only says the mark is a figure is a device mark too, and the reason quotes it
    expect(row({ 1: '图形' })).toEqual({ ok: false, reason: '商标名称「图形」只标明是图形商标，没有可比对的文字', unnamed: true });
    expect(row({ 1: '（图形）' })).toMatchObject({ ok: false, unnamed: true });
    expect(row({ 1: '青湖春及图' })).toMatchObject({ ok: true, value: { markText: '青湖春及图' } });
    expect(row({ 0: '', 1: '' })).toEqual({ ok: false, reason: '缺少申请号' });
    // a nameless row with another fault is not merely unnamed: its image could not make it good
    expect(row({ 1: '', 2: '99' })).toEqual({ ok: false, reason: expect.stringContaining('国际分类') });
    expect(row({ 2: '99' })).toMatchObject({ ok: false, reason: expect.stringContaining('国际分类') });
    expect(row({ 9: '2026-13-01' })).toMatchObject({ ok: false, reason: expect.stringContaining('初审公告日期') });
    expect(row({ 1: '茶'.repeat(10_000) })).toMatchObject({ ok: false, reason: expect.stringContaining('过长') });
  });
});

describe('parseListingRow', () => {
  const m = mapHeaders(['编号', '商品标题', '所在地'], LISTING_HEADERS);
  if (!m.ok) throw new Error(m.error);
  it('needs only 编号 and 商品标题', () => {
    const r = parseListingRow(['L1', '正宗青海牦牛肉干 500g', '青海省西宁市'], m.columns);
    expect(r.ok && r.value).toMatchObject({ id: 'L1', title: '正宗青海牦牛肉干 500g', sellerLocation: '青海省西宁市', shop: '' });
    expect(parseListingRow(['L2', '', ''], m.columns)).toEqual({ ok: false, reason: '缺少商品标题' });
  });
});
