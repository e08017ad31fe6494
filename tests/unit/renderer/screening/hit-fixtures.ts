// Hits for component tests of the review queue.
import type { HitDetail, HitRow, StoredFiling } from '../../../../shared/contract/screening';

export function filing(id: number, markText: string, daysLeft: number): StoredFiling {
  return {
    id, applicationNumber: String(61000000 + id), markText, niceClass: 33, goods: ['白酒', '青稞酒'], applicant: `申请人${id}`,
    applicantAddress: '青海省西宁市', agency: '', filedOn: '2026-01-02', gazetteIssue: '第1930期', publishedOn: '2026-09-10',
    oppositionDeadline: '2026-12-10', daysLeft,
  };
}

export function hit(hitId: number, markText: string, daysLeft = 20): HitRow {
  return {
    hitId, source: 'filing', score: 0.9 - hitId / 100, reasons: ['shape'], decision: 'undecided', dismissReason: '', decisionNote: '',
    markKey: 1, markId: 'QH-CM-002', markName: '三江源', markCategory: '驰名商标', matchedText: markText, matchedMark: '三江源',
    foundAt: '2026-11-29T00:00:00Z', version: 0, filing: filing(hitId, markText, daysLeft), listing: null,
  };
}

export function detailOf(row: HitRow): HitDetail {
  return {
    ...row,
    alignment: [
      { textIndex: 0, markIndex: 0, relation: 'variant' },
      { textIndex: 1, markIndex: 1, relation: 'same' },
      { textIndex: 2, markIndex: 2, relation: 'same' },
    ],
    mark: { id: 'QH-CM-002', name: '三江源', category: '驰名商标', classes: [5, 30], registrationNumber: '', holder: '', aliases: ['SANJIANGYUAN'], region: '' },
    otherHitsOfFiling: 0,
    decidedAt: null,
    decidedBy: null,
  };
}
