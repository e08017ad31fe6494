// The one rule for text that can reach a letter, a report or the screen (issue 9, item 10), applied to every
// field of every table (registry, filings, listings) and to letter settings, templates and edits.
// - Refused, with a message naming the field: C0 and C1 control characters (NUL, BEL, ESC …; a broken export or a
//   hostile file), U+FFFD (bytes that were not valid UTF-8 or GB18030) and unpaired surrogates.
// - Stripped: invisible format characters — zero-width characters, bidi marks, embeddings, overrides and
//   isolates (U+202A–U+202E, U+2066–U+2069, which print a mark reversed in a DOCX), the BOM. They are never part
//   of a name, and two identical marks must compare equal.
// - Line breaks and tabs become one space, except in multi-line fields (a letter's body, a note), which keep
//   line breaks (CRLF → LF) and tabs.
import { cellAt } from './cells';
import { tooLongMessage, type TextLimit } from './limits';
import type { RowResult } from './cells';

const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
/** Any character that one of the rules below looks at (surrogates included, for the pair check). */
const ATTENTION = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ud800-\udfff\ufeff\ufffd]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextOptions {
  /** keep line breaks and tabs (letter bodies, notes) */
  multiline?: boolean;
}

/** The text with invisible format characters removed, line breaks handled and surrounding space trimmed. */
export function cleanText(value: string, options: TextOptions = {}): string {
  // controls are refused by textProblem where a value is checked; removing them here too keeps a text that was
  // only cleaned (a search, a comparison) free of them
  const visible = value.replace(INVISIBLE, '').replace(CONTROL_ALL, '');
  if (options.multiline) return visible.replace(/\r\n?/g, '\n').trim();
  return visible.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Why a text cannot be taken, or null. Checked on the raw text, before cleaning. */
export function textProblem(label: string, raw: string, options: TextOptions = {}): string | null {
  const control = options.multiline ? raw.replace(/[\t\r\n]/g, '') : raw.replace(/[\t\r\n]/g, ' ');
  if (CONTROL.test(control)) return `「${label}」含有不可见的控制字符`;
  if (raw.includes('\uFFFD')) return `「${label}」含有无法识别的字节（文件或输入不是有效的 UTF-8 或 GB18030 文本）`;
  if (LONE_SURROGATE.test(raw)) return `「${label}」含有无效的字符`;
  return null;
}

/** The one check every text field goes through: refuse (controls, invalid bytes), clean, then limit. */
export function checkText(raw: string, field: TextLimit): RowResult<string> {
  // the common case — nothing to refuse or strip — costs one scan (a gazette has ten million cells)
  if (!ATTENTION.test(raw)) {
    const value = raw.trim();
    return value.length > field.max ? { ok: false, reason: tooLongMessage(field, value.length) } : { ok: true, value };
  }
  const options = { multiline: field.multiline ?? false };
  const problem = textProblem(field.label, raw, options);
  if (problem) return { ok: false, reason: problem };
  const value = cleanText(raw, options);
  if (value.length > field.max) return { ok: false, reason: tooLongMessage(field, value.length) };
  return { ok: true, value };
}

/** The checked cell at a mapped column (-1 = optional and absent → ''). */
export function checkedCell(cells: readonly string[], column: number, field: TextLimit): RowResult<string> {
  return checkText(cellAt(cells, column), field);
}
