// @vitest-environment jsdom
// While older image features are computed again in the background: how far it has come, polled until it ends; then
// every image that could not be, until the clerk closes the list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { AppInfo } from '../../../shared/api';
import type { FeaturesRefreshStatus } from '../../../shared/contract/logos';
import { ClientProvider } from '../../../renderer/src/api/context';
import { AppInfoProvider } from '../../../renderer/src/app/useAppInfo';
import { FeaturesRefreshNotice } from '../../../renderer/src/app/FeaturesRefreshNotice';
import { mockClient } from './mock-client';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const INFO: AppInfo = {
  version: '1.0.0', dataDir: '/data', databasePath: '/data/markguard.sqlite', schemaVersion: 20, markCount: 3,
  seededOnThisStart: false, seededCount: 0, batchCount: 1, transport: 'web', notices: [],
};
const GONE = '保护名录中「塔尔寺」（QH-GG-005）的图样文件缺失（309a0da46f41），无法重新计算图形特征，暂不参与图形比对';

describe('FeaturesRefreshNotice', () => {
  it('shows the progress while the pass runs, then the images it could not compute, until closed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answers: FeaturesRefreshStatus[] = [
      { running: true, done: 1200, total: 10000, failed: [] },
      { running: true, done: 6400, total: 10000, failed: [GONE] },
      { running: false, done: 10000, total: 10000, failed: [GONE] },
    ];
    const mock = mockClient({
      'app.info': () => ({ ok: true, value: INFO }),
      'registry.featuresRefresh': () => ({ ok: true, value: answers.shift() ?? { running: false, done: 10000, total: 10000, failed: [GONE] } }),
    });
    render(<ClientProvider client={mock.client}><AppInfoProvider><FeaturesRefreshNotice /></AppInfoProvider></ClientProvider>);
    expect((await screen.findByRole('status')).textContent).toContain('已完成 1,200 / 10,000 个');
    expect(screen.getByRole('status').textContent).toContain('期间可照常使用');

    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.getByRole('status').textContent).toContain('已完成 6,400 / 10,000 个');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    // the pass has ended: no progress, the image it could not compute, and no more asking
    expect(screen.getByRole('status').textContent).not.toContain('已完成');
    expect(screen.getByRole('listitem').textContent).toBe(GONE);
    expect(screen.getByRole('status').textContent).toContain('1 个图样未能重新计算图形特征');
    const asked = mock.calls.filter((c) => c.channel === 'registry.featuresRefresh').length;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(mock.calls.filter((c) => c.channel === 'registry.featuresRefresh').length).toBe(asked);

    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows nothing when no image is out of date', async () => {
    const mock = mockClient({
      'app.info': () => ({ ok: true, value: INFO }),
      'registry.featuresRefresh': () => ({ ok: true, value: { running: false, done: 0, total: 0, failed: [] } }),
    });
    render(<ClientProvider client={mock.client}><AppInfoProvider><FeaturesRefreshNotice /></AppInfoProvider></ClientProvider>);
    await vi.waitFor(() => expect(mock.calls.some((c) => c.channel === 'registry.featuresRefresh')).toBe(true));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
