// The save dialog's proposed name and the extension a saved file gets (electron/files/save.ts, issue 9, item 19).
import { describe, expect, it } from 'vitest';
import { safeFileName, saveWithDialog, withExtension } from '../../../electron/files/save';
import type { DialogPort } from '../../../electron/files/dialog-port';

function answering(answer: string | null): DialogPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    openFile: () => Promise.resolve(answer),
    saveFile: (_title, defaultName) => {
      asked.push(defaultName);
      return Promise.resolve(answer);
    },
  };
}

describe('saving through the main process’s dialog', () => {
  it('proposes a name without folders or characters Windows refuses', () => {
    expect(safeFileName('投诉清单-../../etc/淘宝:天猫*-2026-11-29.xlsx')).toBe('投诉清单-.._.._etc_淘宝_天猫_-2026-11-29.xlsx');
    expect(safeFileName('a\\b\u0000c')).toBe('a_b_c');
  });

  it('adds the format’s extension when the chosen name lacks an accepted one', () => {
    expect(withExtension('/d/命中', ['xlsx'])).toBe('/d/命中.xlsx');
    expect(withExtension('/d/清单.CSV', ['xlsx', 'csv'])).toBe('/d/清单.CSV');
    expect(withExtension('/d/清单.txt', ['xlsx', 'csv'])).toBe('/d/清单.txt.xlsx');
  });

  it('writes nothing and answers cancelled when the clerk cancels', async () => {
    let wrote = false;
    const result = await saveWithDialog(answering(null), { title: 't', defaultName: 'a/b.xlsx', filter: 'xlsx', extensions: ['xlsx'] }, () => {
      wrote = true;
      return Promise.resolve({});
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(wrote).toBe(false);
  });

  it('writes to the chosen place and says where', async () => {
    const dialogs = answering('/d/x');
    const result = await saveWithDialog(dialogs, { title: 't', defaultName: 'a/b.xlsx', filter: 'xlsx', extensions: ['xlsx'] }, (target) =>
      Promise.resolve({ rows: target.length }),
    );
    expect(result).toEqual({ status: 'saved', savedTo: '/d/x.xlsx', rows: 9 });
    expect(dialogs.asked).toEqual(['a_b.xlsx']);
  });
});
