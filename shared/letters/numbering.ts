// Document numbers of GB/T 9704: body code, full year in hexagonal brackets 〔〕, then the sequence number with
// neither 第 nor leading zeros, then 号 — 青市监商函〔2026〕12号.
import { cleanText, textProblem } from '../formats/text';
import { AppFailure } from '../result';

export function formatDocumentNumber(bodyCode: string, year: number, sequence: number): string {
  const code = bodyCode.trim();
  if (code === '') throw new AppFailure('invalid-input', '发文字号缺少机关代字，请先在函件设置中填写，例如：青市监商函');
  // the number names the archived files: no control or invisible characters, nothing a file name cannot hold
  if (textProblem('机关代字', code) !== null || cleanText(code) !== code || /[/\\:*?"<>|]/.test(code)) {
    throw new AppFailure('invalid-input', '机关代字含有控制字符、不可见字符或 / \\ : * ? " < > | 等不能用于文件名的字符，请在函件设置中改正');
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new AppFailure('invalid-input', `年份「${year}」无效，发文字号的年份应为四位数字`);
  }
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new AppFailure('invalid-input', `序号「${sequence}」无效，发文字号的序号应为正整数`);
  }
  return `${code}〔${year}〕${sequence}号`;
}

/** The number shown in a preview before issue, when no sequence has been taken yet. */
export function provisionalDocumentNumber(bodyCode: string, year: number): string {
  return `${bodyCode.trim()}〔${year}〕（签发时编号）号`;
}

const NUMBER_PATTERN = /^(.+)〔(\d{4})〕([1-9]\d*)号$/;

export function parseDocumentNumber(text: string): { bodyCode: string; year: number; sequence: number } | null {
  const match = NUMBER_PATTERN.exec(text.trim());
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { bodyCode: match[1], year: Number(match[2]), sequence: Number(match[3]) };
}

/** A file name for an archived letter: the number itself, which Windows accepts (no / \ : * ? " < > |). */
export function letterFileStem(documentNumber: string): string {
  return documentNumber.replace(/[/\\:*?"<>|]/g, '_');
}
