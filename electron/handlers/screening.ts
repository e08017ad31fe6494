// The services behind the screening channels (shared/contract/screening.ts).
import type { screeningContract } from '../../shared/contract/screening';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';

export function createScreeningHandlers(_ctx: AppContext): Pick<Handlers, keyof typeof screeningContract> {
  return {};
}
