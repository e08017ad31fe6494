// Login throttling per client address: failed logins from one address are counted whatever login names they tried,
// so guessing login names (which no account's lock-out sees) is refused for a while too. The counts live in this
// process's memory: the server is one process, and a restart forgetting them costs an attacker a restart they
// cannot cause. A second server process would need them in the store instead.
// A successful login clears nothing, its own address included: one valid account must not reset a guessing run.
import { AppFailure } from '../../shared/result';
import { ADDRESS_BLOCK_MINUTES, ADDRESS_FAILURE_LIMIT, ADDRESS_TRACKED_MAX, ADDRESS_WINDOW_MINUTES } from './policy';
import { clockTime } from './clock-time';

const MINUTE = 60_000;

/** The client address as the HTTPS server saw it (the socket's remote address), for throttling logins. */
export interface ClientAddress {
  readonly address: string;
}

/** `::ffff:10.0.0.5` and `10.0.0.5` are one client. */
export function clientAddress(remote: string | undefined): ClientAddress {
  const address = (remote ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return { address: address === '' ? 'unknown' : address };
}

interface Tracked {
  /** times (ms) of the failures still inside the window, oldest first */
  failures: number[];
  /** ms until which every login from here is refused; 0 when not blocked */
  blockedUntil: number;
}

export function createAddressThrottle(now: () => Date) {
  const tracked = new Map<string, Tracked>();

  function prune(at: number): void {
    for (const [address, entry] of tracked) {
      entry.failures = entry.failures.filter((time) => time > at - ADDRESS_WINDOW_MINUTES * MINUTE);
      if (entry.failures.length === 0 && entry.blockedUntil <= at) tracked.delete(address);
    }
  }

  return {
    /** Throws the Chinese refusal while the address is blocked; a refused attempt is not counted again. */
    check(client: ClientAddress): void {
      const at = now().getTime();
      const entry = tracked.get(client.address);
      if (!entry || entry.blockedUntil <= at) return;
      const left = Math.max(1, Math.ceil((entry.blockedUntil - at) / MINUTE));
      const until = new Date(entry.blockedUntil).toISOString();
      throw new AppFailure(
        'unsupported',
        `此电脑（${client.address}）登录失败次数过多，已暂停登录：请于 ${clockTime(until)} 后再试（剩余 ${left} 分钟）。如需帮助请联系管理员。`,
      );
    },

    /** Counts one failed login; answers the end of the block when this failure started one. */
    fail(client: ClientAddress): string | null {
      const at = now().getTime();
      if (!tracked.has(client.address) && tracked.size >= ADDRESS_TRACKED_MAX) {
        prune(at);
        // still full: forget the longest-known address rather than grow without bound
        const oldest = tracked.size >= ADDRESS_TRACKED_MAX ? tracked.keys().next().value : undefined;
        if (oldest !== undefined) tracked.delete(oldest);
      }
      const entry = tracked.get(client.address) ?? { failures: [], blockedUntil: 0 };
      tracked.set(client.address, entry);
      entry.failures = entry.failures.filter((time) => time > at - ADDRESS_WINDOW_MINUTES * MINUTE);
      entry.failures.push(at);
      if (entry.failures.length < ADDRESS_FAILURE_LIMIT) return null;
      entry.failures = [];
      entry.blockedUntil = at + ADDRESS_BLOCK_MINUTES * MINUTE;
      return new Date(entry.blockedUntil).toISOString();
    },
  };
}

export type AddressThrottle = ReturnType<typeof createAddressThrottle>;
