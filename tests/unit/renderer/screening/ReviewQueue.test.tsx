// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ChannelInput } from '../../../../shared/api';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { ToastProvider } from '../../../../renderer/src/components/Toast';
import { ReviewQueue } from '../../../../renderer/src/pages/review/ReviewQueue';
import { mockClient } from '../mock-client';
import { detailOf, hit } from './hit-fixtures';

afterEach(cleanup);
let restore: (() => void) | undefined;
beforeAll(() => {
  const spy = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  const offset = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(600);
  restore = () => {
    spy.mockRestore();
    offset.mockRestore();
  };
});
afterAll(() => restore?.());

const ROWS = [hit(1, '叁江源'), hit(2, '三江原', -3), hit(3, '三姜源', 10)];

/** `conflict`: hits.decide answers that another clerk decided the filing first. */
function setup(conflict?: string) {
  const decisions: ChannelInput<'hits.decide'>[] = [];
  const undone: number[] = [];
  let queries = 0;
  const mock = mockClient({
    'hits.undo': ({ undoToken }) => {
      undone.push(undoToken);
      return { ok: true, value: { restored: 1, versions: [] } };
    },
    'hits.query': () => {
      queries += 1;
      return { ok: true, value: { total: ROWS.length, rows: ROWS } };
    },
    'hits.facets': () => ({ ok: true, value: { marks: [], gazetteIssues: [], platforms: [], classes: [], counts: { undecided: 3, confirmed: 0, dismissed: 0 }, undecidedByDeadline: { actionable: 2, overdue: 1 } } }),
    'hits.get': ({ hitId }) => ({ ok: true, value: detailOf(ROWS.find((r) => r.hitId === hitId) ?? hit(1, '叁江源')) }),
    'hits.decide': (input) => {
      decisions.push(input);
      if (conflict) return { ok: false, error: { kind: 'conflict', message: conflict } };
      return { ok: true, value: { updated: input.hitIds.length, undoToken: decisions.length, versions: input.hitIds.map((hitId) => ({ hitId, version: 1 })) } };
    },
  });
  render(
    <ClientProvider client={mock.client}>
      <ToastProvider>
        <ReviewQueue source="filing" title="抢注审查" />
      </ToastProvider>
    </ClientProvider>,
  );
  return { decisions, undone, queries: () => queries };
}

const key = (k: string) => act(() => void fireEvent.keyDown(window, { key: k }));

describe('review queue', () => {
  it('shows the hits with countdowns and the total', async () => {
    setup();
    expect(await screen.findByText('叁江源')).toBeTruthy();
    expect(screen.getByText('共 3 件申请')).toBeTruthy();
    expect(screen.getByText('已过期 3 天').className).toContain('countdown-overdue');
    expect(screen.getByText('剩 10 天').className).toContain('countdown-soon');
  });

  it('reviews with the keyboard: j, c (moves on to the next hit), d, 2, Enter', async () => {
    const { decisions } = setup();
    await screen.findByText('叁江源');
    key('j');
    await screen.findByLabelText('命中详情');
    key('c');
    await waitFor(() => expect(decisions).toHaveLength(1));
    // the decision names the version of the hit as this clerk saw it
    expect(decisions[0]).toEqual({ hitIds: [1], seen: [{ hitId: 1, version: 0 }], decision: 'confirmed' });
    key('d');
    expect(await screen.findByRole('dialog', { name: '排除命中' })).toBeTruthy();
    key('2');
    expect((screen.getByLabelText(/权利人自有/) as HTMLInputElement).checked).toBe(true);
    key('Enter');
    await waitFor(() => expect(decisions).toHaveLength(2));
    expect(decisions[1]).toEqual({ hitIds: [2], seen: [{ hitId: 2, version: 0 }], decision: 'dismissed', dismissReason: '权利人自有', note: '' });
    await waitFor(() => expect(screen.getAllByText('排除·权利人自有').length).toBeGreaterThan(0));
    expect(screen.getAllByText('已确认').length).toBeGreaterThan(0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('decides checked rows in bulk; shift-click checks a range', async () => {
    const { decisions } = setup();
    await screen.findByText('叁江源');
    const boxes = screen.getAllByLabelText('选择此行');
    fireEvent.click(boxes[0] as HTMLElement);
    fireEvent.click(boxes[2] as HTMLElement, { shiftKey: true });
    expect(screen.getByText('已选 3 条：')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '批量确认' }));
    await waitFor(() => expect(decisions[0]?.hitIds).toEqual([1, 2, 3]));
  });

  it('dismisses the checked rows with Enter in the chooser, with the note typed there', async () => {
    const { decisions } = setup();
    await screen.findByText('叁江源');
    const boxes = screen.getAllByLabelText('选择此行');
    fireEvent.click(boxes[0] as HTMLElement);
    fireEvent.click(boxes[1] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: '批量排除…' }));
    const dialog = await screen.findByRole('dialog', { name: '排除命中' });
    expect(dialog.textContent).toContain('排除选中的 2 件');
    key('3');
    const note = screen.getByLabelText('备注');
    fireEvent.change(note, { target: { value: '同一申请人的自有商标' } });
    fireEvent.keyDown(note, { key: 'Enter' });
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(decisions[0]).toEqual({
      hitIds: [1, 2], seen: [{ hitId: 1, version: 0 }, { hitId: 2, version: 0 }], decision: 'dismissed', dismissReason: '其他', note: '同一申请人的自有商标',
    });
  });

  it('Ctrl+Z undoes the latest decision and the row shows its former decision again', async () => {
    const { decisions, undone } = setup();
    await screen.findByText('叁江源');
    key('j');
    key('c');
    await waitFor(() => expect(decisions).toHaveLength(1));
    await waitFor(() => expect(screen.getAllByText('已确认').length).toBeGreaterThan(0));
    act(() => void fireEvent.keyDown(window, { key: 'z', ctrlKey: true }));
    await waitFor(() => expect(undone).toEqual([1]));
    await waitFor(() => expect(screen.queryAllByText('已确认')).toHaveLength(0));
  });

  it('a decision another clerk made first is not overwritten: the clerk is told and sees the current decisions', async () => {
    const message = '「叁江源」/「三江源」已由 王丽 于 2026-11-30 09:12 改为「确认（疑似恶意抢注）」，本次结论未保存。请查看最新结论后再决定。';
    const { decisions, queries } = setup(message);
    await screen.findByText('叁江源');
    const before = queries();
    key('j');
    key('c');
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(await screen.findByText(`未能保存结论：${message}`)).toBeTruthy();
    // the rows are fetched again, and nothing shows the refused decision
    await waitFor(() => expect(queries()).toBeGreaterThan(before));
    expect(screen.queryAllByText('已确认')).toHaveLength(0);
  });
});
