// The applicant and agency profiles' channels (shared/contract/screening.ts).
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import { createProfileService } from './service';

export function createProfileHandlers(ctx: AppContext): Pick<Handlers, 'profiles.list' | 'profiles.get'> {
  const profiles = createProfileService(ctx);
  return {
    'profiles.list': (options) => profiles.list(options),
    'profiles.get': ({ kind, name }) => profiles.get(kind, name),
  };
}
