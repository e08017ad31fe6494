// The one place where a call from the renderer meets a service: validate the input against the contract, run
// the handler, and turn whatever happens into a Result. Both transports (Electron IPC, web bridge) use it.
import { z } from 'zod';
import { contract, type Channel, type ChannelOutput } from '../../shared/api';
import { AppFailure, fail, ok, type Result } from '../../shared/result';

// Validation messages reach clerks: in Chinese.
z.config(z.locales.zhCN());

type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '参数'}：${issue.message}`)
    .join('；');
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('invalid-input', `未知的请求「${channel}」`);
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid-input', `请求参数无效：${describeIssues(parsed.error)}`);
    try {
      // The handler table is keyed by the same channel; TypeScript cannot correlate the two unions here.
      const handler = handlers[channel] as (value: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.kind, error.message, error.current);
      log(`channel ${channel} failed`, error);
      const detail = error instanceof Error ? error.message : String(error);
      return fail('internal', `操作失败（内部错误：${detail}）。数据未被修改，请重试或联系技术支持。`);
    }
  };
}
