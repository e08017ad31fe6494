// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { StoredMark } from '../../../shared/api';
import { ClientProvider } from '../../../renderer/src/api/context';
import { MarkEditor } from '../../../renderer/src/pages/registry/MarkEditor';
import { mockClient, type Handlers } from './mock-client';

afterEach(cleanup);

const STORED: StoredMark = {
  key: 7, id: 'S1', name: '雪域红', category: '省著名商标', classes: [33], registrationNumber: '123', holder: '某公司',
  aliases: [], region: '', recognizedOn: '', notes: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 0,
};

function renderEditor(handlers: Handlers, mark?: StoredMark) {
  const mock = mockClient(handlers);
  const onSaved = vi.fn();
  render(
    <ClientProvider client={mock.client}>
      <MarkEditor {...(mark ? { mark } : {})} onSaved={onSaved} onClose={() => undefined} />
    </ClientProvider>,
  );
  const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
  const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));
  return { ...mock, onSaved, fill, save };
}

describe('MarkEditor', () => {
  it('shows the class error under the field and sends nothing', async () => {
    const editor = renderEditor({});
    editor.fill('编号', 'N1');
    editor.fill('商标名称', '青海湖');
    editor.fill('国际分类', '29;50');
    editor.save();
    expect(await screen.findByText(/「50」不是有效的国际分类/)).toBeTruthy();
    expect(screen.getByLabelText('国际分类').getAttribute('aria-invalid')).toBe('true');
    expect(editor.calls).toEqual([]);
  });

  it('lets 公共资源 have no classes and creates the record', async () => {
    const editor = renderEditor({
      'registry.create': ({ mark }) => ({ ok: true, value: { ...STORED, ...mark, key: 9 } }),
    });
    editor.fill('编号', 'P9');
    editor.fill('商标名称', '青海湖');
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: '公共资源' } });
    editor.fill('别名', 'QHH；Qinghai Lake');
    editor.save();
    await vi.waitFor(() => expect(editor.onSaved).toHaveBeenCalledTimes(1));
    expect(editor.calls[0]?.input).toMatchObject({ mark: { id: 'P9', classes: [], aliases: ['QHH', 'Qinghai Lake'] } });
  });

  it('shows the server conflict message at 编号', async () => {
    const editor = renderEditor({
      'registry.create': () => ({ ok: false, error: { kind: 'conflict', message: '编号「S1」已经存在' } }),
    });
    editor.fill('编号', 'S1');
    editor.fill('商标名称', '雪域红');
    editor.fill('国际分类', '33');
    editor.save();
    expect(await screen.findByText('编号「S1」已经存在')).toBeTruthy();
    expect(screen.getByLabelText('编号').getAttribute('aria-invalid')).toBe('true');
    expect(editor.onSaved).not.toHaveBeenCalled();
  });

  it('edits an existing record by its key', async () => {
    const editor = renderEditor({ 'registry.update': ({ mark }) => ({ ok: true, value: { ...STORED, ...mark } }) }, STORED);
    expect((screen.getByLabelText('国际分类') as HTMLInputElement).value).toBe('33');
    editor.fill('权利人', '新公司');
    editor.save();
    await vi.waitFor(() => expect(editor.onSaved).toHaveBeenCalledTimes(1));
    // the editor of a stored mark also reads its images (registry.images)
    expect(editor.calls.find((c) => c.channel === 'registry.update')).toMatchObject({ input: { key: 7, version: 0, mark: { holder: '新公司' } } });
  });
});

describe('MarkEditor when another clerk saved the record meanwhile', () => {
  const CURRENT: StoredMark = { ...STORED, holder: '别人改的公司', notes: '他人备注', version: 1 };
  const MESSAGE = '该商标「S1 雪域红」已被他人修改（王丽 于 2026-12-01 16:05），本次保存未执行。请查看最新内容后再保存。';

  /** registry.update refuses the version the form loaded (0) and saves the current one (1). */
  function editorAtConflict() {
    const editor = renderEditor(
      {
        'registry.update': ({ version, mark }) =>
          version === CURRENT.version
            ? { ok: true, value: { ...CURRENT, ...mark, version: 2 } }
            : { ok: false, error: { kind: 'conflict', message: MESSAGE, current: CURRENT } },
      },
      STORED,
    );
    editor.fill('权利人', '我改的公司');
    editor.save();
    return editor;
  }
  const field = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

  it('says so, shows the current values beside the clerk’s, and keeps what the clerk typed', async () => {
    const editor = editorAtConflict();
    expect(await screen.findByText(MESSAGE)).toBeTruthy();
    const table = screen.getByRole('table', { name: '最新内容与您填写的内容' });
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['权利人', '别人改的公司', '我改的公司'],
      ['备注', '他人备注', '（空）'],
    ]);
    expect(field('权利人')).toBe('我改的公司');
    expect(screen.getByText('您填写的内容仍在下方表单中，尚未保存。')).toBeTruthy();
    expect(editor.onSaved).not.toHaveBeenCalled();
  });

  it('saving again without a choice is refused again: nothing is overwritten unseen', async () => {
    const editor = editorAtConflict();
    await screen.findByText(MESSAGE);
    editor.save();
    await vi.waitFor(() => expect(editor.calls.filter((c) => c.channel === 'registry.update')).toHaveLength(2));
    expect(await screen.findByText(MESSAGE)).toBeTruthy();
    expect(editor.onSaved).not.toHaveBeenCalled();
  });

  it('loads the current values into the form when the clerk chooses to, saying the edits were dropped', async () => {
    const editor = editorAtConflict();
    fireEvent.click(await screen.findByRole('button', { name: '放弃我的修改，载入最新内容' }));
    expect(field('权利人')).toBe('别人改的公司');
    expect(field('备注')).toBe('他人备注');
    expect(screen.getByRole('status').textContent).toMatch(/已载入最新内容，您之前填写的修改已放弃/);
    editor.save();
    await vi.waitFor(() => expect(editor.onSaved).toHaveBeenCalledTimes(1));
    expect(editor.calls.at(-1)?.input).toMatchObject({ key: 7, version: 1, mark: { holder: '别人改的公司' } });
  });

  it('keeps the clerk’s edits and saves them over the current version only after the clerk chose so', async () => {
    const editor = editorAtConflict();
    fireEvent.click(await screen.findByRole('button', { name: '保留我的修改' }));
    expect(screen.queryByText(MESSAGE)).toBeNull();
    expect(field('权利人')).toBe('我改的公司');
    expect(screen.getByRole('status').textContent).toMatch(/点「保存」将以它替换他人刚保存的内容/);
    editor.save();
    await vi.waitFor(() => expect(editor.onSaved).toHaveBeenCalledTimes(1));
    expect(editor.calls.at(-1)?.input).toMatchObject({ key: 7, version: 1, mark: { holder: '我改的公司', notes: '' } });
  });
});

describe('MarkEditor dialog', () => {
  it('starts in the first field and keeps Tab inside the dialog', () => {
    renderEditor({});
    const first = screen.getByLabelText('编号');
    expect(document.activeElement).toBe(first);
    const save = screen.getByRole('button', { name: '保存' });
    save.focus();
    fireEvent.keyDown(window, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '关闭' }));
  });

  it('closes on Escape', () => {
    const onClose = vi.fn();
    render(
      <ClientProvider client={mockClient({}).client}>
        <MarkEditor onSaved={() => undefined} onClose={onClose} />
      </ClientProvider>,
    );
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
