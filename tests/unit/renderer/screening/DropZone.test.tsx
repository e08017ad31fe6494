// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DropZone } from '../../../../renderer/src/pages/screening/DropZone';
import type {} from '../../../../renderer/src/global';

afterEach(() => {
  cleanup();
  delete window.markguardFiles;
});

function drop() {
  const file = new File(['申请号\n'], '公告.csv', { type: 'text/csv' });
  fireEvent.drop(screen.getByText(/把 CSV 或 XLSX 文件拖到这里/).parentElement as HTMLElement, { dataTransfer: { files: [file] } });
}

describe('drop zone', () => {
  it('opens the file dialog when the window cannot register a dropped file', async () => {
    const onFile = vi.fn();
    const onChoose = vi.fn();
    render(<DropZone kind="listing" onKind={() => undefined} disabled={false} onFile={onFile} onChoose={onChoose} />);
    drop();
    await waitFor(() => expect(onChoose).toHaveBeenCalledWith('listing'));
    expect(onFile).not.toHaveBeenCalled();
  });

  it('opens the file dialog when the preload refuses the dropped file (not a table)', async () => {
    window.markguardFiles = { register: () => Promise.resolve(null) };
    const onFile = vi.fn();
    const onChoose = vi.fn();
    render(<DropZone kind="filing" onKind={() => undefined} disabled={false} onFile={onFile} onChoose={onChoose} />);
    drop();
    await waitFor(() => expect(onChoose).toHaveBeenCalledWith('filing'));
    expect(onFile).not.toHaveBeenCalled();
  });

  it('imports by the token the preload obtained, never by a path', async () => {
    const register = vi.fn((f: File) => Promise.resolve({ token: 'ft-abcdefghijklmnopqrst', fileName: f.name }));
    window.markguardFiles = { register };
    const onFile = vi.fn();
    render(<DropZone kind="filing" onKind={() => undefined} disabled={false} onFile={onFile} onChoose={() => undefined} />);
    drop();
    await waitFor(() => expect(onFile).toHaveBeenCalledWith('filing', { token: 'ft-abcdefghijklmnopqrst', fileName: '公告.csv' }));
  });
});
