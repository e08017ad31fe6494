// From a draft (free text with placeholders, per-filing choices) and the facts of its filings to the filled
// letter a renderer prints. Pure: the same input gives the same letter, so an issued letter can be re-rendered.
import { AppFailure } from '../result';
import { LAW_NAME, stageProblems, suggestGrounds, suggestRequest, type ApplicantProfile } from './grounds';
import {
  type LetterDocument,
  type LetterFields,
  type LetterHitFacts,
  type LetterKind,
  type LetterSettings,
  type LetterTemplate,
} from './model';
import { provisionalDocumentNumber } from './numbering';
import { attachmentRows, resolveRows, type ResolvedRow } from './rows';
import { decideStage } from './stage';
import { fillTemplate } from './template';
import { chineseDate, placeholderValues } from './values';

export interface ComposeInput {
  kind: LetterKind;
  settings: LetterSettings;
  fields: LetterFields;
  facts: readonly LetterHitFacts[];
  /** null before issue: the preview shows a provisional number */
  documentNumber: string | null;
  /** YYYY-MM-DD */
  date: string;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Refuses a letter that asks for what a filing's stage does not allow, naming every such filing. */
function checkStages(kind: LetterKind, rows: readonly ResolvedRow[], date: string): void {
  const problems = rows.flatMap((r) =>
    stageProblems(r.choice, kind, r.stage, {
      applicationNumber: r.facts.applicationNumber,
      category: r.facts.category,
      registeredOn: r.choice.registeredOn,
      today: date,
    }),
  );
  const unique = [...new Set(problems)];
  if (unique.length > 0) {
    const more = unique.length > 5 ? `；另有 ${unique.length - 5} 处` : '';
    throw new AppFailure('invalid-input', `请求事项或法律依据与程序阶段不符：${unique.slice(0, 5).join('；')}${more}。请在草稿中改正（可按阶段重新生成建议）。`);
  }
}

export function composeLetter(input: ComposeInput): LetterDocument {
  const { settings, fields } = input;
  const rows = resolveRows(fields.rows, input.facts, input.date);
  checkStages(input.kind, rows, input.date);
  const year = Number(input.date.slice(0, 4));
  const documentNumber = input.documentNumber ?? provisionalDocumentNumber(settings.bodyCode, year);
  const base = { settings, documentNumber, date: input.date, rows };
  const recipient = fillTemplate(fields.recipient, placeholderValues({ ...base, recipient: '' }), '收文机关').trim();
  if (recipient === '') throw new AppFailure('invalid-input', '请填写收文机关（主送机关）');
  const values = placeholderValues({ ...base, recipient });
  const title = fillTemplate(fields.title, values, '标题').trim();
  if (title === '') throw new AppFailure('invalid-input', '请填写函件标题');
  const attachments = lines(fillTemplate(fields.attachments, values, '附件说明'));
  const note = [settings.contactPerson && `联系人：${settings.contactPerson}`, settings.contactPhone && `电话：${settings.contactPhone}`]
    .filter(Boolean)
    .join('，');
  return {
    kind: input.kind,
    issuingBody: settings.issuingBody,
    documentNumber,
    title,
    recipient,
    paragraphs: lines(fillTemplate(fields.body, values, '正文')),
    attachments,
    signature: settings.issuingBody,
    dateText: chineseDate(input.date),
    note: note ? `（${note}）` : '',
    copyTo: fillTemplate(fields.copyTo, values, '抄送').trim(),
    printingBody: settings.printingBody || settings.issuingBody,
    printedOn: `${chineseDate(input.date)}印发`,
    table: {
      caption: attachments[0]?.replace(/^\d+[.．、]\s*/, '') ?? '商标申请情况表',
      rows: attachmentRows(rows),
    },
  };
}

/**
 * The first draft of a letter: the template's texts and, for every filing, the stage decided on `today` with the
 * request and grounds that stage allows. The stage itself is left automatic (null) for the clerk to override.
 */
export function draftFields(
  kind: LetterKind,
  template: LetterTemplate,
  settings: LetterSettings,
  facts: readonly LetterHitFacts[],
  profiles: ReadonlyMap<string, ApplicantProfile>,
  today: string,
): LetterFields {
  return {
    title: template.title,
    recipient: kind === 'holder-notice' ? template.recipient || '{{权利人}}' : template.recipient,
    body: template.body,
    attachments: template.attachments,
    copyTo: settings.copyTo,
    rows: facts.map((f) => {
      const { stage } = decideStage({ ...f, registeredOn: '' }, today);
      const profile = profiles.get(f.applicant) ?? { hits: 1, distinctOwners: 1 };
      return {
        hitId: f.hitId,
        stage: null,
        registeredOn: '',
        request: suggestRequest(kind, stage),
        grounds: suggestGrounds(f, profile, stage, { registeredOn: '', today }),
        evidence: '',
      };
    }),
  };
}

export { LAW_NAME };
