// 经办人 in 设置: the name recorded as who acted. Empty means "the OS user" (electron/paths.ts currentActor).
import { TEXT_LIMITS } from '../../shared/formats/limits';
import { checkText } from '../../shared/formats/text';
import { AppFailure } from '../../shared/result';
import { OPERATOR_SETTING, type AppContext } from '../context';
import { settingsRepository } from '../data/settings';

export interface OperatorInfo {
  /** what 设置 holds; '' when not set */
  operator: string;
  /** the name used when nothing is set */
  systemName: string;
  /** the name recorded now */
  effective: string;
}

export function createOperatorService(ctx: AppContext, systemName: string) {
  const read = async (): Promise<OperatorInfo> => {
    const stored = await settingsRepository(ctx.data).get<string>(OPERATOR_SETTING);
    const operator = typeof stored === 'string' ? stored : '';
    return { operator, systemName, effective: ctx.config.actor };
  };
  return {
    get: read,
    async set(name: string): Promise<OperatorInfo> {
      const checked = checkText(name, TEXT_LIMITS.settings.operator);
      if (!checked.ok) throw new AppFailure('invalid-input', checked.reason);
      await settingsRepository(ctx.data).set(OPERATOR_SETTING, checked.value, ctx.now());
      // ctx.config.actor answers from memory: the new name counts from the next action on
      ctx.rememberOperator(checked.value);
      return read();
    },
  };
}
