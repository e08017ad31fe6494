// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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
  it('opens the file dialog when the window cannot tell a dropped file’s path', () => {
    const onPath = vi.fn();
    const onChoose = vi.fn();
    render(<DropZone kind="listing" onKind={() => undefined} disabled={false} onPath={onPath} onChoose={onChoose} />);
    drop();
    expect(onChoose).toHaveBeenCalledWith('listing');
    expect(onPath).not.toHaveBeenCalled();
  });

  it('imports from the path when the preload can tell it', () => {
    window.markguardFiles = { pathOf: (f) => `C:\\公告\\${f.name}` };
    const onPath = vi.fn();
    render(<DropZone kind="filing" onKind={() => undefined} disabled={false} onPath={onPath} onChoose={() => undefined} />);
    drop();
    expect(onPath).toHaveBeenCalledWith('filing', 'C:\\公告\\公告.csv');
  });
});
