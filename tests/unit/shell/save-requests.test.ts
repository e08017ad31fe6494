// Each channel that saves a file, as a connected desktop asks for it (electron/files/save-requests.ts): the list
// must hold every such channel of the contract, or a connected desktop would send one to the server unasked.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api';
import { SAVE_CHANNELS, complaintExportSave, letterExportSave, registryExportSave, saveTarget } from '../../../electron/files/save-requests';

describe('save requests', () => {
  it('lists every channel whose answer may say where a file was saved (savedOrCancelled)', () => {
    const savesAFile = (output: unknown) =>
      ((output as { options?: { shape?: Record<string, unknown> }[] }).options ?? []).some((option) => option.shape !== undefined && 'savedTo' in option.shape);
    const saving = Object.entries(contract)
      .filter(([, entry]) => savesAFile(entry.output))
      .map(([channel]) => channel)
      .sort();
    expect(saving).toEqual([...SAVE_CHANNELS].sort());
  });

  it('gives the chosen file the extension of what is written', () => {
    expect(saveTarget(registryExportSave({ format: 'csv' }, '2026-12-01'), '/d/名录')).toBe('/d/名录.csv');
    const complaints = complaintExportSave({ platform: '淘宝' }, '2026-12-01');
    expect(complaints.defaultName).toBe('投诉清单-淘宝-2026-12-01.xlsx');
    expect(saveTarget(complaints, '/d/清单.csv')).toBe('/d/清单.csv');
    expect(saveTarget(complaints, '/d/清单')).toBe('/d/清单.xlsx');
    // a letter: the filter's .xlsx appended by Windows is replaced by the letter's own format
    const letter = letterExportSave('pdf', '青知移〔2026〕3号');
    expect(letter.defaultName).toBe('青知移〔2026〕3号.pdf');
    expect(saveTarget(letter, '/d/移送函.xlsx')).toBe('/d/移送函.pdf');
    expect(letterExportSave('docx', null).defaultName).toBe('函件.docx');
  });
});
