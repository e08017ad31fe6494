// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ChannelInput } from '../../../../shared/api';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { QuickCheck } from '../../../../renderer/src/components/quick-check/QuickCheck';
import { mockClient } from '../mock-client';

afterEach(cleanup);

function setup() {
  const asked: ChannelInput<'quickCheck'>[] = [];
  const mock = mockClient({
    quickCheck: (input) => {
      asked.push(input);
      if (!input.text.includes('西')) return { ok: true, value: [] };
      return {
        ok: true,
        value: [{
          markId: 'QH-CM-001', markName: '可可西里', markCategory: '驰名商标', matchedMark: '可可西里', score: 0.95,
          reasons: ['traditional'],
          alignment: [0, 1, 2, 3].map((i) => ({ textIndex: i, markIndex: i, relation: 'same' as const })),
        }],
      };
    },
  });
  render(
    <ClientProvider client={mock.client}>
      <QuickCheck />
    </ClientProvider>,
  );
  return { asked, box: screen.getByRole('searchbox', { name: '快速查询' }) };
}

describe('quick check', () => {
  it('asks once typing pauses, with the latest text, and shows the marks with aligned characters', async () => {
    const { asked, box } = setup();
    fireEvent.change(box, { target: { value: '可' } });
    fireEvent.change(box, { target: { value: '可可西' } });
    fireEvent.change(box, { target: { value: '可可西裏' } });
    const list = await screen.findByRole('list', { name: '快速查询结果' });
    expect(asked).toEqual([{ text: '可可西裏' }]);
    expect(list.textContent).toContain('可可西里');
    expect(list.textContent).toContain('繁体字');
    // 裏 and 里 are folded by the engine; the reviewer sees them as a variant pair.
    expect(list.querySelector('[aria-label="输入"] .al-variant')?.textContent).toBe('裏');
    expect(screen.getByLabelText('图例').textContent).toContain('繁简/异体');
  });

  it('passes the class when one is chosen and says when nothing is similar', async () => {
    const { asked, box } = setup();
    fireEvent.change(screen.getByRole('combobox', { name: '快速查询的国际分类' }), { target: { value: '33' } });
    fireEvent.change(box, { target: { value: '山水' } });
    expect(await screen.findByText('「山水」未发现与保护名录近似的商标。')).toBeTruthy();
    expect(asked).toEqual([{ text: '山水', niceClass: 33 }]);
  });

  it('Escape closes the results', async () => {
    const { box } = setup();
    fireEvent.change(box, { target: { value: '可可西裏' } });
    await screen.findByRole('list', { name: '快速查询结果' });
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('list', { name: '快速查询结果' })).toBeNull());
  });
});
