// An in-memory MarkGuardClient for component tests only: each test answers the channels it needs.
import { createClient, type Channel, type ChannelInput, type ChannelOutput, type MarkGuardClient } from '../../../shared/api';
import type { Result } from '../../../shared/result';

export type Handlers = {
  [C in Channel]?: (input: ChannelInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;
};

export interface MockClient {
  client: MarkGuardClient;
  calls: { channel: Channel; input: unknown }[];
}

export function mockClient(handlers: Handlers): MockClient {
  const calls: MockClient['calls'] = [];
  const client = createClient(async (channel, input) => {
    calls.push({ channel, input });
    const handler = handlers[channel] as ((input: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
    if (!handler) return { ok: false, error: { kind: 'unsupported', message: `mock: ${channel} not answered` } };
    return handler(input);
  });
  return { client, calls };
}
