// Every channel of shared/api.ts, composed from one handler factory per area. Transports differ only in dialogs.
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import { createLettersHandlers } from './letters';
import { createRegistryHandlers, type DialogPort, type StartInfo } from './registry';
import { createScreeningHandlers } from './screening';

export type { DialogPort, StartInfo } from './registry';

export function createHandlers(ctx: AppContext, dialogs: DialogPort, start: StartInfo): Handlers {
  return {
    ...createRegistryHandlers(ctx, dialogs, start),
    ...createScreeningHandlers(ctx),
    ...createLettersHandlers(ctx),
  };
}
