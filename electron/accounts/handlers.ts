// The accounts channels. In the desktop app there are no accounts: `accounts.me` says so and the rest refuse.
// On the server the user of the request comes from acting-user (the server checked the session and the role).
import type { accountsContract } from '../../shared/contract/accounts';
import { AppFailure } from '../../shared/result';
import type { Handlers } from '../ipc/dispatch';
import { actingUser } from './acting-user';
import type { AccountsService } from './service';

type AccountsChannel = keyof typeof accountsContract;
export type AccountsHandlers = Pick<Handlers, AccountsChannel>;

function serverOnly(): never {
  throw new AppFailure('unsupported', '用户管理仅在服务器模式下可用；桌面版没有账户。');
}

export function createDesktopAccountsHandlers(): AccountsHandlers {
  return {
    'accounts.me': () => ({ mode: 'desktop', user: null }),
    'accounts.list': serverOnly,
    'accounts.create': serverOnly,
    'accounts.setRole': serverOnly,
    'accounts.resetPassword': serverOnly,
    'accounts.unlock': serverOnly,
    'accounts.setDisabled': serverOnly,
    'accounts.changePassword': serverOnly,
  };
}

function signedIn() {
  const user = actingUser();
  // the server dispatches only inside actAs; reaching here without a user is a wiring fault, refused all the same
  if (!user) throw new AppFailure('unsupported', '请先登录。');
  return user;
}

export function createAccountsHandlers(accounts: AccountsService): AccountsHandlers {
  return {
    'accounts.me': async () => ({ mode: 'server', user: await accounts.me(signedIn().id) }),
    'accounts.list': () => accounts.list(),
    'accounts.create': (input) => accounts.create(input),
    'accounts.setRole': ({ id, role }) => accounts.setRole(id, role),
    'accounts.resetPassword': ({ id, password }) => accounts.resetPassword(id, password),
    'accounts.unlock': ({ id }) => accounts.unlock(id),
    'accounts.setDisabled': ({ id, disabled }) => accounts.setDisabled(id, disabled),
    'accounts.changePassword': async ({ current, next }) => {
      await accounts.changePassword(signedIn().id, current, next);
      return { changed: true as const };
    },
  };
}
