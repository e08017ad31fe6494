// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { BatchSummary, JobProgress } from '../../../../shared/contract/screening';
import { canRescreen, canResume, finishedAt, importSummary, issuesText, statusOf } from '../../../../renderer/src/pages/screening/batch-labels';
import { BatchList } from '../../../../renderer/src/pages/screening/BatchList';
import { ImportProgress } from '../../../../renderer/src/pages/screening/ImportProgress';

afterEach(cleanup);

function batch(status: BatchSummary['status'], running = false): BatchSummary {
  return {
    id: 1, kind: 'filing', fileName: '公告.csv', filePath: '/d/公告.csv', status, totalRows: 10, newRows: 8, duplicateRows: 1,
    badRows: 1, imageProblems: 0, hitCount: 2, message: '', startedAt: '2026-11-29T01:00:00Z', importedAt: null, screenedAt: null, running, stale: false, gazetteIssues: ['第1930期'],
  };
}

function progress(phase: JobProgress['phase'], fraction: number): JobProgress {
  return { batchId: 1, phase, fraction, rows: 52_000, total: 100_000, readRows: 52_000, rowsPerSecond: 26_000.4, newRows: 50_000, duplicateRows: 1_990, badRows: 10, hitCount: 37, message: phase === 'failed' ? '文件读取失败' : '' };
}

describe('batch status', () => {
  it('names each status in Chinese and marks what was left incomplete', () => {
    expect(statusOf(batch('screened'))).toEqual({ label: '已完成', tone: 'ok' });
    expect(statusOf(batch('importing', true))).toEqual({ label: '导入中', tone: 'running' });
    expect(statusOf(batch('failed'))).toEqual({ label: '失败（未完成）', tone: 'bad' });
    expect(statusOf(batch('cancelled')).label).toBe('已取消（未完成）');
    // A batch still "importing" with no job behind it: the app was closed or killed during the import.
    expect(statusOf(batch('importing'))).toEqual({ label: '导入中断（未完成）', tone: 'bad' });
  });

  it('offers 继续导入 for incomplete batches and 重新筛查 for imported ones', () => {
    expect(canResume(batch('failed'))).toBe(true);
    expect(canResume(batch('importing'))).toBe(true);
    expect(canResume(batch('importing', true))).toBe(false);
    expect(canResume(batch('screened'))).toBe(false);
    expect(canRescreen(batch('screened'))).toBe(true);
    expect(canRescreen(batch('imported'))).toBe(true);
    expect(canRescreen(batch('failed'))).toBe(false);
  });

  it('shows no 完成时间 while a batch is screened (again) or did not finish', () => {
    const done = { ...batch('screened'), importedAt: '2026-11-29T01:01:00Z', screenedAt: '2026-11-29T01:02:00Z' };
    expect(finishedAt(done)).toBe('2026-11-29T01:02:00Z');
    expect(finishedAt({ ...done, status: 'screening', running: true })).toBeNull();
    expect(finishedAt({ ...done, running: true })).toBeNull();
    expect(finishedAt({ ...done, status: 'imported', screenedAt: null })).toBeNull();
    const actions = { onProblems: vi.fn(), onResume: vi.fn(), onRescreen: vi.fn(), onRemove: vi.fn(), onWatch: vi.fn() };
    render(<BatchList batches={[{ ...done, status: 'screening', running: true }]} {...actions} />);
    const cells = screen.getAllByRole('cell');
    expect(cells[10]?.textContent).toBe('—');
    expect(cells[1]?.textContent).toBe('第1930期');
  });

  it('names the gazette issues a batch brought', () => {
    expect(issuesText([])).toBe('');
    expect(issuesText(['第1930期'])).toBe('第1930期');
    expect(issuesText(['第1929期', '第1930期'])).toBe('第1929期、第1930期');
    expect(issuesText(['第1900期', '第1920期', '第1939期'])).toBe('第1900–1939期（3 期）');
  });

  it('says what an import added', () => {
    expect(importSummary({ newRows: 0, duplicateRows: 1479, badRows: 0 })).toBe('新增 0 条，重复 1479 条');
    expect(importSummary({ newRows: 2, duplicateRows: 0, badRows: 1 })).toBe('新增 2 条，重复 0 条，问题行 1 条');
  });
});

describe('import progress panel', () => {
  it('shows the phase, the bar, rows per second and the counts, and cancels', () => {
    const onCancel = vi.fn();
    render(<ImportProgress fileName="公告.csv" rescreen={false} progress={progress('importing', 0.42)} error={null} cancelling={false} onCancel={onCancel} onClose={() => undefined} />);
    expect(screen.getByText('导入中')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(screen.getByText('26,000 行/秒')).toBeTruthy();
    expect(screen.getByText('52,000 / 约 100,000 行')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('at the end says what was added and offers 关闭; a failure shows its message', () => {
    render(<ImportProgress fileName="公告.csv" rescreen={false} progress={progress('done', 1)} error={null} cancelling={false} onCancel={() => undefined} onClose={() => undefined} />);
    expect(screen.getByText('完成：新增 50000 条，重复 1990 条，问题行 10 条，命中 37 条。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    cleanup();
    render(<ImportProgress fileName="公告.csv" rescreen={false} progress={progress('failed', 0.3)} error={null} cancelling={false} onCancel={() => undefined} onClose={() => undefined} />);
    expect(screen.getByText('失败')).toBeTruthy();
    expect(screen.getByText('文件读取失败')).toBeTruthy();
  });
});
