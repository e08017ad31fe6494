import type { Decision } from '../../../../shared/contract/screening';
import { decisionText } from './labels';

export function DecisionBadge({ decision, dismissReason }: { decision: Decision; dismissReason: string }) {
  return <span className={`decision decision-${decision}`}>{decisionText(decision, dismissReason)}</span>;
}
