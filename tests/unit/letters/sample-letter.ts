// A referral letter composed from the default template, and estimated font widths, for layout and preview tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeLetter, draftFields } from '../../../shared/letters/compose';
import { DEFAULT_LETTER_SETTINGS } from '../../../shared/letters/defaults';
import type { LayoutMetrics } from '../../../shared/letters/layout-model';
import { LetterTemplatesSchema, type LetterDocument } from '../../../shared/letters/model';
import { estimateMeasure } from '../../../shared/letters/table-columns';
import { facts } from './facts';

export const ESTIMATE: LayoutMetrics = { measure: (_font, size, text) => estimateMeasure(size)(text) };
export const seeds = LetterTemplatesSchema.parse(JSON.parse(readFileSync(path.resolve(__dirname, '../../../seeds/letter-templates/templates.json'), 'utf8')));
export const settings = { ...DEFAULT_LETTER_SETTINGS, contactPerson: '李明', contactPhone: '0971-6300000', copyTo: '' };

export function sampleLetter(extraBody = '', copyTo = '国家知识产权局商标局审查管理处'): LetterDocument {
  const hits = [facts(), facts({ hitId: 2, applicationNumber: '70000002', markText: '柴达牧枸杞', reasons: ['homophone'] })];
  const fields = draftFields('referral', seeds.referral, settings, hits, new Map(), '2026-11-29');
  return composeLetter({
    kind: 'referral',
    settings,
    fields: { ...fields, body: fields.body.replace('特此函告', `${extraBody}\n特此函告`), copyTo },
    facts: hits,
    documentNumber: '青市监商函〔2026〕12号',
    date: '2026-11-29',
  });
}

