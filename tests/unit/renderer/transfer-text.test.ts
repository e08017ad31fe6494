// What the header says while a connected desktop's file travels (renderer/src/app/transfer-text.ts).
import { describe, expect, it } from 'vitest';
import { transferText } from '../../../renderer/src/app/transfer-text';

describe('a file on its way', () => {
  it('says which file, which way and how far', () => {
    expect(transferText({ direction: 'upload', fileName: '第1966期.csv', bytes: 10 * 1024 * 1024, done: 3.2 * 1024 * 1024 })).toBe(
      '正在上传「第1966期.csv」到服务器（3.2 MB / 10.0 MB），请稍候…',
    );
    expect(transferText({ direction: 'download', fileName: '名录.csv', bytes: null, done: 2048 })).toBe('正在从服务器下载「名录.csv」（2 KB），请稍候…');
  });
});
