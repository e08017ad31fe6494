// @vitest-environment jsdom
// Issue 9, item 20: a listing's link opens in the browser only after the clerk confirmed the address.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ExternalLink } from '../../../renderer/src/components/ExternalLink';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('external link', () => {
  it('asks first, showing the full address; opens only on 打开', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const row = vi.fn();
    render(
      <div onClick={row}>
        <ExternalLink url="https://item.taobao.com/item.htm?id=42" label="打开" />
      </div>,
    );
    fireEvent.click(screen.getByRole('link', { name: '打开' }));
    expect(open).not.toHaveBeenCalled();
    expect(row).not.toHaveBeenCalled();
    expect(screen.getByText('https://item.taobao.com/item.htm?id=42')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '打开' }));
    expect(open).toHaveBeenCalledWith('https://item.taobao.com/item.htm?id=42', '_blank', 'noopener,noreferrer');
    expect(row).not.toHaveBeenCalled();
  });

  it('opens nothing when the clerk cancels', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<ExternalLink url="https://jd.com/1.html" />);
    fireEvent.click(screen.getByRole('link'));
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(open).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '打开' })).toBeNull();
  });

  it('shows anything but an http(s) address as text, never as a link', () => {
    render(<ExternalLink url="file:///C:/Windows/system32/calc.exe" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('file:///C:/Windows/system32/calc.exe')).toBeTruthy();
  });
});
