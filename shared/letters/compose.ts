// From a draft (free text with placeholders, per-filing choices) and the facts of its filings to the filled
// letter a renderer prints. Pure: the same input gives the same letter, so an issued letter can be re-rendered.
import { AppFailure } from '../result';
import { formatGrounds, LAW_NAME, suggestGrounds, suggestRequest, type ApplicantProfile } from './grounds';
import {
  type AttachmentRow,
  type LetterDocument,
  type LetterFields,
  type LetterHitFacts,
  type LetterKind,
  type LetterRowChoice,
  type LetterSettings,
  type LetterTemplate,
} from './model';
import { provisionalDocumentNumber } from './numbering';
import { fillTemplate } from './template';
import { chineseDate, imitationText, placeholderValues } from './values';

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

function factsInOrder(input: ComposeInput): { facts: LetterHitFacts; row: LetterRowChoice }[] {
  const byHit = new Map(input.facts.map((f) => [f.hitId, f]));
  return input.fields.rows.map((row) => {
    const facts = byHit.get(row.hitId);
    if (!facts) throw new AppFailure('not-found', `函件涉及的筛查结果（编号 ${row.hitId}）已不存在，请从草稿中移除后再试`);
    return { facts, row };
  });
}

function attachmentRow(facts: LetterHitFacts, row: LetterRowChoice): AttachmentRow {
  const publication = [facts.gazetteIssue ? `第${facts.gazetteIssue}期` : '', facts.publishedOn].filter(Boolean).join(' ');
  return {
    applicationNumber: facts.applicationNumber,
    markText: facts.markText,
    niceClass: String(facts.niceClass),
    applicant: facts.applicant,
    publication,
    deadline: facts.oppositionDeadline,
    protectedMark: facts.protectedMarkName,
    category: facts.category,
    registrationNumber: facts.registrationNumber || '—',
    imitation: imitationText(facts),
    request: row.request,
    grounds: formatGrounds(row.grounds, '《商标法》'),
  };
}

export function composeLetter(input: ComposeInput): LetterDocument {
  const { settings, fields } = input;
  const pairs = factsInOrder(input);
  const facts = pairs.map((pair) => pair.facts);
  const year = Number(input.date.slice(0, 4));
  const documentNumber = input.documentNumber ?? provisionalDocumentNumber(settings.bodyCode, year);
  const base = { settings, documentNumber, date: input.date, facts, rows: fields.rows };
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
      rows: pairs.map((pair) => attachmentRow(pair.facts, pair.row)),
    },
  };
}

/** The first draft of a letter: the template's texts and a suggested request and grounds for every filing. */
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
    rows: facts.map((f) => ({
      hitId: f.hitId,
      request: suggestRequest(kind, f, today),
      grounds: suggestGrounds(f, profiles.get(f.applicant) ?? { hits: 1, distinctOwners: 1 }),
      evidence: '',
    })),
  };
}

export { LAW_NAME };
