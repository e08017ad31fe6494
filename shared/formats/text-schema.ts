// The text rule and the limit table as a zod schema, for the contract's inputs (letter settings, templates and
// edits): a value is refused with the rule's Chinese message, or cleaned (bidi controls and invisible characters
// stripped) on its way in.
import { z } from 'zod';
import type { TextLimit } from './limits';
import { checkText } from './text';

export function textSchema(field: TextLimit) {
  return z.string().transform((value, ctx) => {
    const checked = checkText(value, field);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.reason });
    return z.NEVER;
  });
}
