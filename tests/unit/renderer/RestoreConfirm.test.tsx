// @vitest-environment jsdom
// The restore confirmation of an automatic backup shows when it was taken and what it holds.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { BackupInfo } from '../../../shared/api';
import { ClientProvider } from '../../../renderer/src/api/context';
import { ToastProvider } from '../../../renderer/src/components/Toast';
import { BackupPage } from '../../../renderer/src/pages/backup/BackupPage';
import { mockClient } from './mock-client';

afterEach(cleanup);

const BACKUP: BackupInfo = {
  path: '/data/backups/auto-20261128-080000.sqlite',
  fileName: 'auto-20261128-080000.sqlite',
  sizeBytes: 40960,
  createdAt: '2026-11-28T08:00:00Z',
  counts: { marks: 12, batches: 3, letters: 2 },
};

describe('restoring an automatic backup', () => {
  it('asks with the backup time and its counts of marks, batches and letters', async () => {
    const mock = mockClient({ 'backup.listAutomatic': () => ({ ok: true, value: [BACKUP, { ...BACKUP, path: '/x', fileName: 'x', counts: null }] }) });
    render(
      <ClientProvider client={mock.client}>
        <ToastProvider>
          <BackupPage />
        </ToastProvider>
      </ClientProvider>,
    );
    const buttons = await screen.findAllByRole('button', { name: '恢复此备份' });
    fireEvent.click(buttons[0] as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: '从备份恢复' });
    expect(within(dialog).getByText(/备份时间：/).textContent).toMatch(/2026.*名录 12 条、批次 3 个、函件 2 份/);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    fireEvent.click(buttons[1] as HTMLElement);
    expect(within(screen.getByRole('dialog', { name: '从备份恢复' })).getByText(/无法读取其中的数据条数/)).toBeTruthy();
  }, 30_000);
});
