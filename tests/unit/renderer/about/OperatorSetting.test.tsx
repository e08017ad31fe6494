// @vitest-environment jsdom
// 设置 · 经办人: a name the clerk types is what 保存 saves, even when it was typed before the stored name arrived.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OperatorInfo } from '../../../../shared/api';
import type { Result } from '../../../../shared/result';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { ToastProvider } from '../../../../renderer/src/components/Toast';
import { OperatorSetting } from '../../../../renderer/src/pages/about/OperatorSetting';
import { mockClient } from '../mock-client';

afterEach(cleanup);

function setup(stored: string) {
  let arrive: (r: Result<OperatorInfo>) => void = () => undefined;
  const saved: string[] = [];
  const mock = mockClient({
    'settings.operator': () => new Promise<Result<OperatorInfo>>((resolve) => (arrive = resolve)),
    'settings.setOperator': ({ operator }) => {
      saved.push(operator);
      return { ok: true, value: { operator, systemName: 'root', effective: operator || 'root' } };
    },
  });
  render(
    <ClientProvider client={mock.client}>
      <ToastProvider>
        <OperatorSetting />
      </ToastProvider>
    </ClientProvider>,
  );
  const load = () => arrive({ ok: true, value: { operator: stored, systemName: 'root', effective: stored || 'root' } });
  return { saved, load, field: screen.getByLabelText('经办人') as HTMLInputElement };
}

describe('设置 · 经办人', () => {
  it('keeps a name typed before the stored one arrives, and saves it', async () => {
    const { saved, load, field } = setup('');
    fireEvent.change(field, { target: { value: '王丽' } });
    load();
    await screen.findByTestId('operator-effective');
    expect(field.value).toBe('王丽');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByTestId('operator-effective').textContent).toBe('王丽'));
    expect(saved).toEqual(['王丽']);
  });

  it('shows the stored name when nothing was typed first', async () => {
    const { load, field } = setup('李强');
    load();
    await screen.findByTestId('operator-effective');
    expect(field.value).toBe('李强');
    expect(screen.getByTestId('operator-effective').textContent).toBe('李强');
  });
});
