// The services behind the letter channels (shared/contract/letters.ts).
import type { lettersContract } from '../../shared/contract/letters';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';

export function createLettersHandlers(_ctx: AppContext): Pick<Handlers, keyof typeof lettersContract> {
  return {};
}
