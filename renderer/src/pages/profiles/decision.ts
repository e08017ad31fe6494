// How a hit's decision is shown in the profile's hit list and on the dashboard.
import type { Decision } from '../../../../shared/contract/screening';

export const DECISION_LABEL: Record<Decision, string> = {
  undecided: '待审查',
  confirmed: '疑似恶意抢注',
  dismissed: '已排除',
};
