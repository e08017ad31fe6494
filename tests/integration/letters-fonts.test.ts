// The PDF's body font: the system's 仿宋 (Windows' simfang.ttf) when present and complete, else the shipped serif,
// said in the preview and recorded with the archived PDF. A real TTF stands in for simfang.ttf here (Noto Serif SC
// Bold under that name), since this machine has no FangSong; what is checked is which file the PDF embeds.
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import migration from '../../electron/db/migrations/006-letter-file-fonts';
import { fangSongCandidate, pdfFontsFor } from '../../electron/letters/pdf-fonts';
import { openTestContext, tempDir } from './support/context';
import { lettersApi, seedConfirmedHits } from './support/letters';
import { sampleLetter } from '../unit/letters/sample-letter';
import { requireTool } from './support/pdf';

const boldFile = path.join(
  path.dirname(createRequire(__filename).resolve('@expo-google-fonts/noto-serif-sc/package.json')),
  '700Bold',
  'NotoSerifSC_700Bold.ttf',
);
const fonts = tempDir('markguard-fonts-');
const fakeFangSong = path.join(fonts.dir, 'simfang.ttf');
copyFileSync(boldFile, fakeFangSong);
afterAll(() => fonts.remove());

/** Whether poppler reads the line holding `text` as bold (pdftohtml marks text in a bold face with <b>). */
function bodyIsBold(file: string, text: string): boolean {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8' });
  const line = xml.split('\n').find((l) => l.startsWith('<text') && l.includes(text));
  if (!line) throw new Error(`no line with ${text}`);
  return line.includes('<b>');
}

describe('choosing the PDF body font', () => {
  it('looks for simfang.ttf in the Windows fonts folder, and nowhere on other systems unless configured', () => {
    expect(fangSongCandidate({ platform: 'win32', windowsDir: 'C:\\Windows' })).toBe('C:\\Windows\\Fonts\\simfang.ttf');
    expect(fangSongCandidate({ platform: 'win32' })).toBe('C:\\Windows\\Fonts\\simfang.ttf');
    expect(fangSongCandidate({ platform: 'win32', windowsDir: 'D:\\WINNT' })).toBe('D:\\WINNT\\Fonts\\simfang.ttf');
    expect(fangSongCandidate({ platform: 'linux' })).toBeNull();
    expect(fangSongCandidate({ platform: 'linux', fangSongFile: '/opt/fonts/simfang.ttf' })).toBe('/opt/fonts/simfang.ttf');
  });

  it('falls back to the shipped serif and says why: no Windows, no file, a broken file, missing characters', () => {
    const letter = sampleLetter();
    expect(pdfFontsFor({ platform: 'linux' }, letter).info).toMatchObject({ source: 'shipped', note: '本机不是 Windows，没有系统仿宋字体' });
    const absent = path.join(fonts.dir, 'absent', 'simfang.ttf');
    expect(pdfFontsFor({ platform: 'linux', fangSongFile: absent }, letter).info.note).toBe(`本机没有 ${absent}`);
    const broken = path.join(fonts.dir, 'broken.ttf');
    writeFileSync(broken, 'not a font');
    expect(pdfFontsFor({ platform: 'linux', fangSongFile: broken }, letter).info.note).toMatch(/无法读取/);
    const rare = { ...letter, paragraphs: [...letter.paragraphs, '申请人吉（𠮷）某某'] };
    expect(pdfFontsFor({ platform: 'linux', fangSongFile: fakeFangSong }, rare).info).toMatchObject({ source: 'shipped', note: `${fakeFangSong} 缺少「𠮷」等 1 个字` });
    expect(pdfFontsFor({ platform: 'linux', fangSongFile: fakeFangSong }, letter).info).toMatchObject({ source: 'system', name: '仿宋（本机系统字体）', file: fakeFangSong });
  });
});

describe('the font in the preview, the PDF and the archive record', () => {
  it('embeds the system FangSong, says so in the preview, and records it with the archived PDF', async () => {
    requireTool('pdffonts');
    const ctx = openTestContext({ fangSongFont: fakeFangSong });
    try {
      const api = lettersApi(ctx);
      const hits = seedConfirmedHits(ctx);
      const draft = await api['letters.draftFromHits']({ hitIds: hits.gi, kind: 'referral' });
      expect((await api['letters.preview']({ id: draft.id })).pdfFont).toMatchObject({ source: 'system', file: fakeFangSong });
      const issued = await api['letters.issue']({ id: draft.id });
      expect(issued.files.find((f) => f.format === 'pdf')?.font).toBe(`仿宋（本机系统字体），${fakeFangSong}`);
      expect(issued.files.find((f) => f.format === 'docx')?.font).toBe('');
      expect(ctx.db.prepare("SELECT font FROM letter_files WHERE letter_id = ? AND format = 'pdf'").get(issued.id)).toEqual({
        font: `仿宋（本机系统字体），${fakeFangSong}`,
      });
      const target = path.join(fonts.dir, '函.pdf');
      await api.exportTo(issued.id, 'pdf', target);
      // The body is drawn from the "simfang.ttf" file: here the Bold face under that name, so the recipient line
      // comes out bold, where the shipped Regular would draw it plain.
      expect(bodyIsBold(target, '国家知识产权局商标局：')).toBe(true);
      expect(execFileSync('pdffonts', [target], { encoding: 'utf8' })).not.toMatch(/\bno\s+no\s+no\b/);
    } finally {
      ctx.cleanup();
    }
  });

  it('says the shipped serif was used, and why, where there is no FangSong; migration 5 keeps it', async () => {
    expect(migration.name).toBe('letter-file-fonts');
    const ctx = openTestContext();
    try {
      const api = lettersApi(ctx);
      const hits = seedConfirmedHits(ctx);
      const draft = await api['letters.draftFromHits']({ hitIds: [hits.lake], kind: 'referral' });
      const issued = await api['letters.issue']({ id: draft.id });
      expect(issued.files.find((f) => f.format === 'pdf')?.font).toBe('思源宋体 Noto Serif SC（随程序提供）；本机不是 Windows，没有系统仿宋字体');
      const target = path.join(fonts.dir, '函-shipped.pdf');
      await api.exportTo(issued.id, 'pdf', target);
      expect(bodyIsBold(target, '国家知识产权局商标局：')).toBe(false);
    } finally {
      ctx.cleanup();
    }
  });
});
