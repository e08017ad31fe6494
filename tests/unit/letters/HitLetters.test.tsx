// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientProvider } from '../../../renderer/src/api/context';
import { HitLetters } from '../../../renderer/src/pages/letters/HitLetters';
import { mockClient } from '../renderer/mock-client';

afterEach(cleanup);

describe('HitLetters', () => {
  it('shows the letters covering a hit, superseded ones included', async () => {
    const mock = mockClient({
      'letters.forHits': ({ hitIds }) => ({
        ok: true,
        value: hitIds.map((hitId) => ({
          hitId,
          letters: [
            { id: 1, kind: 'referral' as const, status: 'superseded' as const, documentNumber: '青市监商函〔2026〕2号' },
            { id: 2, kind: 'referral' as const, status: 'issued' as const, documentNumber: '青市监商函〔2026〕3号' },
          ],
        })),
      }),
    });
    render(
      <ClientProvider client={mock.client}>
        <HitLetters hitId={7} />
      </ClientProvider>,
    );
    expect(await screen.findByText('已列入函件：移送函 青市监商函〔2026〕2号（已被替代）；移送函 青市监商函〔2026〕3号（已签发）')).toBeTruthy();
    expect(mock.calls).toEqual([{ channel: 'letters.forHits', input: { hitIds: [7] } }]);
  });

  it('shows nothing for a hit no letter covers', async () => {
    const mock = mockClient({ 'letters.forHits': () => ({ ok: true, value: [{ hitId: 7, letters: [] }] }) });
    const { container } = render(
      <ClientProvider client={mock.client}>
        <HitLetters hitId={7} />
      </ClientProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.textContent).toBe('');
  });
});
