import type { HitReason } from '../../../../shared/domain';
import { reasonLabel } from './labels';

export function ReasonTags({ reasons }: { reasons: readonly HitReason[] }) {
  return (
    <span className="reason-tags">
      {reasons.map((r) => (
        <span key={r} className="reason-tag">
          {reasonLabel(r)}
        </span>
      ))}
    </span>
  );
}
