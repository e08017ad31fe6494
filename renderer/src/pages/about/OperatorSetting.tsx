// 设置 · 经办人: the name recorded in the change log and the letters as who acted. Empty: the OS user's full name.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OperatorInfo } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { useAccount, usePermission } from '../../app/account';
import { useToast } from '../../components/Toast';

export function OperatorSetting() {
  const allowed = usePermission('settings.setOperator');
  const user = useAccount();
  const client = useClient();
  const notify = useToast();
  const [info, setInfo] = useState<OperatorInfo | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // a name typed before the stored one arrives is kept: the stored one would replace it unseen, and 保存 would then
  // save the old name
  const edited = useRef(false);

  useEffect(() => {
    void client['settings.operator']({}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setInfo(r.value);
      if (!edited.current) setValue(r.value.operator);
    });
  }, [client]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const r = await client['settings.setOperator']({ operator: value });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setInfo(r.value);
    setValue(r.value.operator);
    notify(`已保存：今后的记录以「${r.value.effective}」为经办人`);
  }

  return (
    <section className="settings-section" aria-label="设置">
      <h2>设置</h2>
      <form className="operator-form" onSubmit={(e) => void save(e)}>
        <label htmlFor="operator-name">经办人</label>
        <input id="operator-name" value={value} onChange={(e) => {
          edited.current = true;
          setValue(e.target.value);
        }} placeholder={info?.systemName ?? ''} maxLength={40} />
        <button type="submit" className="primary" disabled={!allowed.allowed} title={allowed.reason}>
          保存
        </button>
      </form>
      <p className="muted small">
        变更记录、审查结论和函件中记为经办人的名字。留空则使用本机用户名「{info?.systemName ?? '…'}」。
        {info ? <>当前记为：<strong data-testid="operator-effective">{info.effective}</strong></> : null}
      </p>
      {user ? (
        <p className="muted small">
          服务器模式下，每项操作记为登录的用户（现在是 {user.displayName}（{user.login}））；这里的经办人只用于服务器自己进行的操作，例如启动时继续中断的导入。
        </p>
      ) : null}
      {error ? (
        <div className="form-banner" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
