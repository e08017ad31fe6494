// The services behind the screening channels (shared/contract/screening.ts).
// TRANSITIONAL: channels are being wired one by one; an unwired channel answers 'unsupported'.
import type { screeningContract } from '../../shared/contract/screening';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';

type ScreeningHandlers = Pick<Handlers, keyof typeof screeningContract>;

export function createScreeningHandlers(_ctx: AppContext): ScreeningHandlers {
  const pending = (): never => {
    throw new AppFailure('unsupported', '该功能正在开发中');
  };
  return new Proxy({} as ScreeningHandlers, { get: () => pending });
}
