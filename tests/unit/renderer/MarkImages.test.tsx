// @vitest-environment jsdom
// The mark editor's 图样 section (issue 12): thumbnails from main, 添加图样 through files.open, the server's refusal
// shown in Chinese with the file's name, 删除 by hash.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { MarkImage, StoredMark } from '../../../shared/api';
import { ClientProvider } from '../../../renderer/src/api/context';
import { MarkImages } from '../../../renderer/src/pages/registry/MarkImages';
import { MarkViennaCodes } from '../../../renderer/src/pages/registry/MarkViennaCodes';
import { mockClient } from './mock-client';

afterEach(cleanup);

const MARK: StoredMark = {
  key: 7, id: 'S1', name: '雪域红', category: '省著名商标', classes: [33], registrationNumber: '', holder: '',
  aliases: [], region: '', recognizedOn: '', notes: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 0,
};
const IMAGE: MarkImage = { sha256: 'a'.repeat(64), format: 'png', width: 300, height: 200, thumbnail: 'data:image/png;base64,AAAA' };

describe('MarkImages', () => {
  it('shows the images, says why an added BMP was refused, and removes one by its hash', async () => {
    let images = [IMAGE];
    const onChanged = vi.fn();
    const mock = mockClient({
      'registry.images': () => ({ ok: true, value: images }),
      'files.open': () => ({ ok: true, value: { status: 'chosen', token: 'ft-AAAAAAAAAAAAAAAAAAAA', fileName: '旧图.bmp' } }),
      'registry.addImage': () => ({ ok: false, error: { kind: 'invalid-input', message: '不支持 BMP 格式的图片' } }),
      'registry.removeImage': () => {
        images = [];
        return { ok: true, value: { removed: true } };
      },
    });
    render(<ClientProvider client={mock.client}><MarkImages mark={MARK} onChanged={onChanged} /></ClientProvider>);
    expect((await screen.findByRole('img', { name: '图样 1' })).getAttribute('src')).toBe(IMAGE.thumbnail);
    expect(screen.getByText('PNG 300×200')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '添加图样' }));
    expect((await screen.findByRole('alert')).textContent).toBe('未能添加「旧图.bmp」：不支持 BMP 格式的图片');
    expect(mock.calls.find((c) => c.channel === 'files.open')?.input).toEqual({ purpose: 'image' });
    expect(onChanged).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '删除图样 1' }));
    expect(await screen.findByText(/这条记录还没有图样/)).toBeTruthy();
    expect(mock.calls.find((c) => c.channel === 'registry.removeImage')?.input).toEqual({ key: 7, sha256: IMAGE.sha256 });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});

describe('MarkViennaCodes', () => {
  it('shows the mark’s codes, saves the ones typed, and shows a refusal in Chinese', async () => {
    let codes = ['26.1.1'];
    const mock = mockClient({
      'registry.viennaCodes': () => ({ ok: true, value: codes }),
      'registry.setViennaCodes': ({ codes: text }) => {
        if (text.includes('x')) return { ok: false, error: { kind: 'invalid-input', message: '图形要素「x」不是有效的维也纳分类代码' } };
        codes = text.split(/[;\s]+/).filter(Boolean);
        return { ok: true, value: codes };
      },
    });
    render(<ClientProvider client={mock.client}><MarkViennaCodes mark={MARK} /></ClientProvider>);
    const input = await screen.findByDisplayValue('26.1.1');
    const save = screen.getByRole('button', { name: '保存图形要素' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '26.1.1; x' } });
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe('图形要素「x」不是有效的维也纳分类代码');
    fireEvent.change(input, { target: { value: '26.1.1; 3.1.8' } });
    fireEvent.click(save);
    expect((await screen.findByRole('status')).textContent).toBe('已保存 2 个图形要素');
    expect(mock.calls.filter((c) => c.channel === 'registry.setViennaCodes').map((c) => c.input)).toEqual([
      { key: 7, codes: '26.1.1; x' },
      { key: 7, codes: '26.1.1; 3.1.8' },
    ]);
  });
});
