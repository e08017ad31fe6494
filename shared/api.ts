// The one contract between the renderer and the rest: channel → zod input → zod output.
// The preload allow-list, the Electron registration, the web bridge and both clients are derived from this table.
import type { z } from 'zod';
import { CategorySchema, NiceClassSchema } from './domain';
import type { Result } from './result';

export * from './contract/registry';
export * from './contract/files';
export * from './contract/logos';
export * from './contract/accounts';
export * from './contract/connection';
export * from './contract/server-backup';
import { filesContract } from './contract/files';
import { registryContract } from './contract/registry';
import { screeningContract } from './contract/screening';
import { lettersContract } from './contract/letters';
import { logosContract } from './contract/logos';
import { accountsContract } from './contract/accounts';
import { connectionContract } from './contract/connection';
import { serverBackupContract } from './contract/server-backup';

export const contract = {
  ...filesContract, ...registryContract, ...screeningContract, ...lettersContract, ...logosContract,
  ...accountsContract, ...connectionContract, ...serverBackupContract,
} as const;


export { CategorySchema, NiceClassSchema };

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** The client the renderer sees as `window.markguard`: one async method per channel, errors as values. */
export type MarkGuardClient = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/** Builds a client from any transport; used by the preload (IPC) and the browser (web bridge). */
export function createClient(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
): MarkGuardClient {
  const client: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS) client[channel] = (input) => invoke(channel, input);
  // The mapped type above is what each entry is; TypeScript cannot see that through the loop.
  return client as unknown as MarkGuardClient;
}

export const IPC_PREFIX = 'markguard:';
/** Electron only, outside the contract: the preload registers a dropped file and gets a token (electron/preload.ts). */
export const DROPPED_FILE_CHANNEL = 'markguard-files:dropped';
