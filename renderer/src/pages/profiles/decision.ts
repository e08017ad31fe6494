// How the decisions are named in the figures and charts: the review queue's words (待定 / 已确认 / 已排除,
// renderer/src/pages/review/labels.ts), with 已确认 spelled out for a report read without the app.
import type { Decision } from '../../../../shared/contract/screening';

export const DECISION_LABEL: Record<Decision, string> = {
  undecided: '待定',
  confirmed: '已确认抢注',
  dismissed: '已排除',
};
