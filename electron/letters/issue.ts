// Issuing: the number is taken from the year's sequence in the same transaction that freezes the letter, so two
// clerks issuing at once get different numbers and a number is never handed out twice nor skipped. The files are
// rendered (in a worker) and written from the frozen document after that transaction commits, and recorded in a
// second one; a letter whose files are missing can be rendered again.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LetterDetail, LetterFormat } from '../../shared/contract/letters';
import { composeLetter } from '../../shared/letters/compose';
import type { LetterDocument } from '../../shared/letters/model';
import { formatDocumentNumber, letterFileStem } from '../../shared/letters/numbering';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { inTransaction } from '../data/queries';
import { settingsForIssue, storedLetterSettings } from './config';
import { exportChecked, sha256, writeArchiveFile } from './files';
import { loadLetterFigures } from './figures';
import { fontLookupOf } from './pdf-fonts';
import { letterRenderScript, renderLetterFileIn } from './render';
import { currentFacts, detailOf, localDate, requireDraft, requireLetter } from './service';
import { createLetterStore, fieldsOf, issuedRecordOf, type IssueMark, type LetterStore, type StoredFile } from './store';

const FORMATS: readonly LetterFormat[] = ['docx', 'pdf'];

/** The file of one format and, for a PDF, the body font it embeds as the archive records it (in a worker thread). */
async function render(ctx: AppContext, letter: LetterDocument, format: LetterFormat): Promise<{ content: Buffer; font: string }> {
  const figures = await loadLetterFigures(ctx, letter);
  return renderLetterFileIn(letterRenderScript(ctx.config.workerDir), letter, format, fontLookupOf(ctx.config), figures);
}

/** Where an issued letter's files live, relative to the data folder so that the folder can move. */
export const archivePath = (year: number, documentNumber: string, format: LetterFormat): string =>
  path.join('letters', String(year), `${letterFileStem(documentNumber)}.${format}`);

/**
 * The heart of issuing, on the caller's transaction: the year's next number in one atomic statement, then the draft
 * frozen under it. On PostgreSQL the sequence's row stays locked until the transaction ends, so a second request
 * for the year waits there and then sees this one's outcome; a draft another request froze meanwhile is refused,
 * and the rollback gives this request's number back (never reissued, never skipped).
 */
export async function freezeUnderNextNumber(store: LetterStore, id: number, year: number, make: (sequence: number) => IssueMark): Promise<IssueMark> {
  const issue = make(await store.nextSequence(year));
  if (!(await store.markIssued(id, issue))) {
    throw new AppFailure('conflict', '该函件刚刚已由他人签发，本次未签发、未占用文号。请刷新后查看。');
  }
  return issue;
}

/**
 * Takes the year's next number and freezes the draft as issued, in one transaction that awaits only its queries:
 * two requests issuing at once get different numbers (the number is one atomic statement whose row, or file, stays
 * locked until the end), a draft issued twice at once is issued once, and a failure anywhere gives the number back.
 * Exported for the test that races two connections for numbers; the service calls it through issue().
 */
export async function takeNumberAndFreeze(ctx: AppContext, id: number): Promise<number> {
  // the settings repository is read before the transaction begins; they are checked at their place inside it
  const stored = await storedLetterSettings(ctx);
  const actor = ctx.config.actor;
  return inTransaction(ctx.data, async (tx) => {
    const store = createLetterStore(tx);
    const row = await requireDraft(store, id);
    const fields = fieldsOf(row);
    const facts = await currentFacts(tx, fields.rows.map((r) => r.hitId));
    const settings = settingsForIssue(stored);
    const at = ctx.now();
    const on = localDate(at);
    const year = Number(on.slice(0, 4));
    // the number must make a file name the archive can hold, checked before one is taken
    formatDocumentNumber(settings.bodyCode, year, 1);
    const { number, record: { document } } = await freezeUnderNextNumber(store, id, year, (sequence) => {
      const number = formatDocumentNumber(settings.bodyCode, year, sequence);
      // A template error throws here and rolls the sequence back with everything else: no number was used.
      const document = composeLetter({ kind: row.kind, settings, fields, facts, documentNumber: number, date: on });
      return { year, sequence, number, record: { document, facts }, on, at, by: actor };
    });
    const after = { documentNumber: number, title: document.title, recipient: document.recipient, hitIds: facts.map((f) => f.hitId) };
    await store.audit({ at, actor, action: 'issue', key: id, before: null, after, note: `签发 ${number}` });
    if (row.supersedes !== null) {
      const old = await requireLetter(store, row.supersedes);
      const superseded = old.status === 'issued' && (await store.markSuperseded(old.id, id));
      if (!superseded) throw new AppFailure('conflict', `原函件 ${old.document_number} 已被其他函件替代。`);
      const note = `${old.document_number} 由 ${number} 替代`;
      await store.audit({ at, actor, action: 'supersede', key: old.id, before: { status: 'issued' }, after: { status: 'superseded', supersededBy: number }, note });
    }
    return year;
  });
}

/**
 * Renders one format of an issued letter into the archive and records its hash. A file already at its place with
 * no record is this letter's own (numbers are never reissued): written by a run killed before recording it, so it
 * is recorded as it is. A recorded file missing from the archive is rendered again and the audit log says so.
 * Rendering and writing happen outside any transaction; the record is written after the file is in place.
 */
async function renderToArchive(ctx: AppContext, id: number, format: LetterFormat): Promise<StoredFile> {
  const store = createLetterStore(ctx.data);
  const row = await requireLetter(store, id);
  const record = issuedRecordOf(row);
  if (!record || row.year === null || row.document_number === null) throw new AppFailure('conflict', '草稿尚未签发，没有存档文件。');
  const relative = archivePath(row.year, row.document_number, format);
  const absolute = path.join(ctx.config.dataDir, relative);
  const recorded = (await store.files(id)).find((f) => f.format === format);
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
  const actor = ctx.config.actor;
  await inTransaction(ctx.data, async (tx) => {
    const s = createLetterStore(tx);
    await s.saveFile(id, file, at);
    if (recorded) {
      const note = `存档文件 ${relative} 缺失，已按签发时冻结的内容重新生成`;
      await s.audit({ at, actor, action: 'rerender', key: id, before: { sha256: recorded.sha256 }, after: { sha256: file.sha256 }, note });
    }
  });
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
  const archivedFile = async (id: number, format: LetterFormat) => (await createLetterStore(ctx.data).files(id)).find((f) => f.format === format);
  return {
    async issue(id: number): Promise<LetterDetail> {
      await takeNumberAndFreeze(ctx, id);
      try {
        for (const format of FORMATS) await renderToArchive(ctx, id, format);
      } catch (error) {
        const number = (await requireLetter(createLetterStore(ctx.data), id)).document_number;
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppFailure('io', `函件已签发（${number}），但生成存档文件失败：${reason}。可在存档中再次导出，程序会重新生成。`);
      }
      return detailOf(ctx, ctx.data, await requireLetter(createLetterStore(ctx.data), id));
    },

    /** Writes whichever archive files of an issued letter are missing (a kill after its number was taken). */
    async ensureArchived(id: number): Promise<void> {
      const row = await requireLetter(createLetterStore(ctx.data), id);
      if (row.status === 'draft') return;
      for (const format of FORMATS) {
        const file = await archivedFile(id, format);
        if (!file || !(await exists(path.join(ctx.config.dataDir, file.path)))) await renderToArchive(ctx, id, format);
      }
    },

    /** Copies the archived file to `target`; a file missing from the archive is rendered again first. */
    async exportFile(id: number, format: LetterFormat, chosen: string): Promise<{ path: string; sha256: string }> {
      const target = withFormatExtension(chosen, format);
      const row = await requireLetter(createLetterStore(ctx.data), id);
      if (row.status === 'draft') throw new AppFailure('conflict', '草稿尚未签发，不能导出。请先预览并签发。');
      let file = await archivedFile(id, format);
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
