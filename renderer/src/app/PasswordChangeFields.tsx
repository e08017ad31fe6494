// 当前密码, 新密码 and 再次输入新密码 with the form's error, as both changes of password ask them: the forced one right
// after a login (ForcedPasswordChange) and 修改密码 in the account menu (AccountBadge). That the two new entries
// match is checked here; the length, and that the new one differs, are the server's rules (policy.ts), which it
// words itself.
import { FormError } from '../components/FormError';

export interface PasswordChange {
  current: string;
  next: string;
  again: string;
}

export const NO_PASSWORD_CHANGE: PasswordChange = { current: '', next: '', again: '' };

/** What to send to accounts.changePassword, or why nothing is sent. */
export function passwordChangeRequest(change: PasswordChange): { ok: true; value: { current: string; next: string } } | { ok: false; error: string } {
  if (change.next !== change.again) return { ok: false, error: '两次输入的新密码不一致。' };
  return { ok: true, value: { current: change.current, next: change.next } };
}

/** Whether every field has something in it (the submit button waits for that). */
export const passwordChangeFilled = (change: PasswordChange): boolean => change.current !== '' && change.next !== '' && change.again !== '';

interface PasswordChangeFieldsProps {
  value: PasswordChange;
  onChange: (value: PasswordChange) => void;
  error: string | null;
  autoFocus?: boolean;
}

export function PasswordChangeFields({ value, onChange, error, autoFocus = false }: PasswordChangeFieldsProps) {
  const field = (key: keyof PasswordChange) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <label>
        当前密码
        <input type="password" autoComplete="current-password" value={value.current} onChange={field('current')} autoFocus={autoFocus} />
      </label>
      <label>
        新密码
        <input type="password" autoComplete="new-password" value={value.next} onChange={field('next')} />
      </label>
      <label>
        再次输入新密码
        <input type="password" autoComplete="new-password" value={value.again} onChange={field('again')} />
      </label>
      <FormError error={error} />
    </>
  );
}
