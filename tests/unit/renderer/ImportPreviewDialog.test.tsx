// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ImportPreview } from '../../../shared/api';
import { ImportPreviewDialog } from '../../../renderer/src/pages/registry/ImportPreviewDialog';

afterEach(cleanup);

// jsdom does no layout: give scrolling lists the height they have in the app, so the virtualized report renders rows.
let restoreHeight: (() => void) | undefined;
beforeAll(() => {
  const spy = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(220);
  restoreHeight = () => spy.mockRestore();
});
afterAll(() => restoreHeight?.());

const PREVIEW: ImportPreview = {
  token: 't',
  fileName: '名录.csv',
  totalRows: 5,
  goodRows: 3,
  newCount: 2,
  changedCount: 1,
  unchangedCount: 0,
  problems: [
    { rowNumber: 3, reason: '国际分类「99」无效' },
    { rowNumber: 6, reason: '「商标名称」不能为空' },
  ],
  sample: [
    { id: 'A1', name: '青海湖', category: '公共资源', classes: [], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '' },
  ],
  duplicates: [],
};

function renderDialog(preview: ImportPreview) {
  const onCommit = vi.fn();
  const onDiscard = vi.fn();
  render(<ImportPreviewDialog preview={preview} busy={false} onCommit={onCommit} onDiscard={onDiscard} />);
  return { onCommit, onDiscard };
}

describe('ImportPreviewDialog', () => {
  it('lists every bad row with its row number and reason', () => {
    renderDialog(PREVIEW);
    const report = screen.getByRole('region', { name: '错误报告' });
    const rows = within(report).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['第 3 行国际分类「99」无效', '第 6 行「商标名称」不能为空']);
    expect(screen.getByText('名录.csv')).toBeTruthy();
  });

  it('with problems offers only the good rows or nothing', () => {
    const { onCommit, onDiscard } = renderDialog(PREVIEW);
    fireEvent.click(screen.getByRole('button', { name: '仅导入正确的 3 行' }));
    expect(onCommit).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '取消（不导入任何数据）' }));
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it('without problems offers a plain import', () => {
    renderDialog({ ...PREVIEW, problems: [], totalRows: 3 });
    expect(screen.queryByRole('region', { name: '错误报告' })).toBeNull();
    expect(screen.getByRole('button', { name: '导入 3 行' })).toBeTruthy();
  });

  it('offers no import when nothing is good or nothing would change', () => {
    renderDialog({ ...PREVIEW, goodRows: 0, newCount: 0, changedCount: 0, sample: [] });
    expect(screen.getByRole('alert').textContent).toContain('没有可以导入的正确记录');
    expect(screen.queryByRole('button', { name: /^(仅)?导入/ })).toBeNull();
    cleanup();
    renderDialog({ ...PREVIEW, problems: [], newCount: 0, changedCount: 0, unchangedCount: 3 });
    expect(screen.getByText(/完全一致/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^(仅)?导入/ })).toBeNull();
  });
});

describe('duplicate rows (issue 10, item 3)', () => {
  it('lists them and imports only after a choice, which goes with the commit', () => {
    const duplicates = [{ rowNumber: 4, id: 'N2', name: '玉樹牦牛', category: '地理标志', sameAsId: 'G1', sameAsName: '玉树牦牛', inFile: false }];
    const { onCommit } = renderDialog({ ...PREVIEW, problems: [], totalRows: 3, duplicates });
    const region = screen.getByRole('region', { name: '同名记录' });
    expect(region.textContent).toContain('第 4 行 N2「玉樹牦牛」');
    const button = screen.getByRole('button', { name: '导入 3 行' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(within(region).getByRole('radio', { name: /全部跳过/ }));
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(onCommit).toHaveBeenCalledWith('skip');
  });
});

describe('a report with many bad rows', () => {
  it('renders only the rows in view but counts them all', () => {
    const problems = Array.from({ length: 5000 }, (_, i) => ({ rowNumber: i + 2, reason: '「类别」不能为空' }));
    renderDialog({ ...PREVIEW, totalRows: 5003, problems });
    const report = screen.getByRole('region', { name: '错误报告' });
    expect(report.textContent).toContain('5000 处问题');
    const rows = within(report).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    expect(rows[0]?.textContent).toContain('第 2 行');
    expect(within(report).getByRole('table').getAttribute('aria-rowcount')).toBe('5001');
  });
});
