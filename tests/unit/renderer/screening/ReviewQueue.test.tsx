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

function setup() {
  const decisions: ChannelInput<'hits.decide'>[] = [];
  const undone: number[] = [];
  const mock = mockClient({
    'hits.undo': ({ undoToken }) => {
      undone.push(undoToken);
      return { ok: true, value: { restored: 1 } };
    },
    'hits.query': () => ({ ok: true, value: { total: ROWS.length, rows: ROWS } }),
    'hits.facets': () => ({ ok: true, value: { marks: [], gazetteIssues: [], platforms: [], classes: [], counts: { undecided: 3, confirmed: 0, dismissed: 0 }, undecidedByDeadline: { actionable: 2, overdue: 1 } } }),
    'hits.get': ({ hitId }) => ({ ok: true, value: detailOf(ROWS.find((r) => r.hitId === hitId) ?? hit(1, '叁江源')) }),
    'hits.decide': (input) => {
      decisions.push(input);
      return { ok: true, value: { updated: input.hitIds.length, undoToken: decisions.length } };
    },
  });
  render(
    <ClientProvider client={mock.client}>
      <ToastProvider>
        <ReviewQueue source="filing" title="抢注审查" />
      </ToastProvider>
    </ClientProvider>,
  );
  return { decisions, undone };
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
    expect(decisions[0]).toEqual({ hitIds: [1], decision: 'confirmed' });
    key('d');
    expect(await screen.findByRole('dialog', { name: '排除命中' })).toBeTruthy();
    key('2');
    expect((screen.getByLabelText(/权利人自有/) as HTMLInputElement).checked).toBe(true);
    key('Enter');
    await waitFor(() => expect(decisions).toHaveLength(2));
    expect(decisions[1]).toEqual({ hitIds: [2], decision: 'dismissed', dismissReason: '权利人自有', note: '' });
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
    expect(decisions[0]).toEqual({ hitIds: [1, 2], decision: 'dismissed', dismissReason: '其他', note: '同一申请人的自有商标' });
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
});
