import type { LetterHitFacts } from '../../../shared/letters/model';

export function facts(overrides: Partial<LetterHitFacts> = {}): LetterHitFacts {
  return {
    hitId: 1,
    applicationNumber: '70000001',
    markText: '柴达木枸杞王',
    niceClass: 29,
    applicant: '某某商贸有限公司',
    agency: '某某知识产权代理有限公司',
    gazetteIssue: '1960',
    publishedOn: '2026-11-27',
    oppositionDeadline: '2027-02-27',
    protectedMarkId: 'GI-001',
    protectedMarkName: '柴达木枸杞',
    category: '地理标志',
    registrationNumber: '12345678',
    holder: '海西州枸杞协会',
    markClasses: [29, 31],
    reasons: ['added'],
    ...overrides,
  };
}
