// Issuing: the number is taken from the year's sequence in the same immediate transaction that freezes the
// letter, so two clerks issuing at once get different numbers and a number is never handed out twice. The files
// are rendered from the frozen document afterwards; a letter whose files are missing can be rendered again.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LetterDetail, LetterFormat } from '../../shared/contract/letters';
import { composeLetter } from '../../shared/letters/compose';
import type { LetterDocument } from '../../shared/letters/model';
import { formatDocumentNumber, letterFileStem } from '../../shared/letters/numbering';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { settingsForIssue } from './config';
import { renderDocx } from './docx';
import { exportChecked, sha256, writeArchiveFile } from './files';
import { renderPdf } from './pdf';
import { loadLetterFigures } from './figures';
import { describePdfFont, fontLookupOf } from './pdf-fonts';
import { currentFacts, detailOf, localDate, requireDraft, requireLetter } from './service';
import { createLetterStore, fieldsOf, issuedRecordOf, type StoredFile } from './store';

const FORMATS: readonly LetterFormat[] = ['docx', 'pdf'];

/** The file of one format and, for a PDF, the body font it embeds as the archive records it. */
async function render(ctx: AppContext, letter: LetterDocument, format: LetterFormat): Promise<{ content: Buffer; font: string }> {
  const figures = await loadLetterFigures(ctx, letter);
  if (format === 'docx') return { content: await renderDocx(letter, figures), font: '' };
  const pdf = await renderPdf(letter, fontLookupOf(ctx.config), figures);
  return { content: pdf.content, font: describePdfFont(pdf.font) };
}

/** Where an issued letter's files live, relative to the data folder so that the folder can move. */
export const archivePath = (year: number, documentNumber: string, format: LetterFormat): string =>
  path.join('letters', String(year), `${letterFileStem(documentNumber)}.${format}`);

/** Exported for the test that races two processes for numbers; the service calls it through issue(). */
export function takeNumberAndFreeze(ctx: AppContext, id: number): number {
  const store = createLetterStore(ctx.db);
  const freeze = ctx.db.transaction(() => {
    const row = requireDraft(store, id);
    const fields = fieldsOf(row);
    const facts = currentFacts(ctx, fields.rows.map((r) => r.hitId));
    const settings = settingsForIssue(ctx);
    const at = ctx.now();
    const on = localDate(at);
    const year = Number(on.slice(0, 4));
    // the number must make a file name the archive can hold, checked before one is taken
    formatDocumentNumber(settings.bodyCode, year, 1);
    const sequence = store.nextSequence(year);
    const number = formatDocumentNumber(settings.bodyCode, year, sequence);
    // A template error throws here and rolls the sequence back with everything else: no number was used.
    const document = composeLetter({ kind: row.kind, settings, fields, facts, documentNumber: number, date: on });
    store.markIssued(id, { year, sequence, number, record: { document, facts }, on, at, by: ctx.config.actor });
    const after = { documentNumber: number, title: document.title, recipient: document.recipient, hitIds: facts.map((f) => f.hitId) };
    store.audit({ at, actor: ctx.config.actor, action: 'issue', key: id, before: null, after, note: `签发 ${number}` });
    if (row.supersedes !== null) {
      const old = requireLetter(store, row.supersedes);
      if (old.status !== 'issued') throw new AppFailure('conflict', `原函件 ${old.document_number} 已被其他函件替代。`);
      store.markSuperseded(old.id, id);
      store.audit({ at, actor: ctx.config.actor, action: 'supersede', key: old.id, before: { status: 'issued' }, after: { status: 'superseded', supersededBy: number }, note: `${old.document_number} 由 ${number} 替代` });
    }
    return year;
  });
  return freeze.immediate();
}

/**
 * Renders one format of an issued letter into the archive and records its hash. A file already at its place with
 * no record is this letter's own (numbers are never reissued): written by a run killed before recording it, so it
 * is recorded as it is. A recorded file missing from the archive is rendered again and the audit log says so.
 */
async function renderToArchive(ctx: AppContext, id: number, format: LetterFormat): Promise<StoredFile> {
  const store = createLetterStore(ctx.db);
  const row = requireLetter(store, id);
  const record = issuedRecordOf(row);
  if (!record || row.year === null || row.document_number === null) throw new AppFailure('conflict', '草稿尚未签发，没有存档文件。');
  const relative = archivePath(row.year, row.document_number, format);
  const absolute = path.join(ctx.config.dataDir, relative);
  const recorded = store.files(id).find((f) => f.format === format);
  const kept = recorded ? null : await readIfExists(absolute);
  let file: StoredFile;
  if (kept) {
    file = { format, path: relative, sha256: sha256(kept), size_bytes: kept.length, font: '' };
  } else {
    const { content, font } = await render(ctx, record.document, format);
    await writeArchiveFile(absolute, content);
    file = { format, path: relative, sha256: sha256(content), size_bytes: content.length, font };
  }
  const at = ctx.now();
  ctx.db.transaction(() => {
    const s = createLetterStore(ctx.db);
    s.saveFile(id, file, at);
    if (recorded) {
      const note = `存档文件 ${relative} 缺失，已按签发时冻结的内容重新生成`;
      s.audit({ at, actor: ctx.config.actor, action: 'rerender', key: id, before: { sha256: recorded.sha256 }, after: { sha256: file.sha256 }, note });
    }
  })();
  return file;
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/**
 * The save dialog offers the contract's table filter, so Windows may have appended .csv or .xlsx to the name the
 * clerk typed; the file must carry the extension of what it is, or WPS and Word will not open it on a double click.
 */
export function withFormatExtension(target: string, format: LetterFormat): string {
  const extension = path.extname(target).toLowerCase();
  if (extension === `.${format}`) return target;
  const stem = extension === '.csv' || extension === '.xlsx' ? target.slice(0, -extension.length) : target;
  return stem.toLowerCase().endsWith(`.${format}`) ? stem : `${stem}.${format}`;
}

export function createLetterIssuing(ctx: AppContext) {
  return {
    async issue(id: number): Promise<LetterDetail> {
      takeNumberAndFreeze(ctx, id);
      try {
        for (const format of FORMATS) await renderToArchive(ctx, id, format);
      } catch (error) {
        const number = requireLetter(createLetterStore(ctx.db), id).document_number;
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppFailure('io', `函件已签发（${number}），但生成存档文件失败：${reason}。可在存档中再次导出，程序会重新生成。`);
      }
      const store = createLetterStore(ctx.db);
      return detailOf(ctx, store, requireLetter(store, id));
    },

    /** Writes whichever archive files of an issued letter are missing (a kill after its number was taken). */
    async ensureArchived(id: number): Promise<void> {
      const store = createLetterStore(ctx.db);
      const row = requireLetter(store, id);
      if (row.status === 'draft') return;
      for (const format of FORMATS) {
        const file = store.files(id).find((f) => f.format === format);
        if (!file || !(await exists(path.join(ctx.config.dataDir, file.path)))) await renderToArchive(ctx, id, format);
      }
    },

    /** Copies the archived file to `target`; a file missing from the archive is rendered again first. */
    async exportFile(id: number, format: LetterFormat, chosen: string): Promise<{ path: string; sha256: string }> {
      const target = withFormatExtension(chosen, format);
      const store = createLetterStore(ctx.db);
      const row = requireLetter(store, id);
      if (row.status === 'draft') throw new AppFailure('conflict', '草稿尚未签发，不能导出。请先预览并签发。');
      let file = store.files(id).find((f) => f.format === format);
      const absolute = (f: StoredFile) => path.join(ctx.config.dataDir, f.path);
      if (!file || !(await exists(absolute(file)))) file = await renderToArchive(ctx, id, format);
      const hash = await exportChecked(absolute(file), file.sha256, target);
      return { path: target, sha256: hash };
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
