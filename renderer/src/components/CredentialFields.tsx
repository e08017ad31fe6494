// 登录名 and 密码 as every sign-in form of the desktop asks them (连接到服务器, and the login after a session ended).
interface CredentialFieldsProps {
  /** prefix of the inputs' ids, unique on the page */
  idPrefix: string;
  login: string;
  password: string;
  onLogin: (value: string) => void;
  onPassword: (value: string) => void;
}

export function CredentialFields({ idPrefix, login, password, onLogin, onPassword }: CredentialFieldsProps) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-login`}>登录名</label>
        <input id={`${idPrefix}-login`} value={login} onChange={(e) => onLogin(e.target.value)} autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-password`}>密码</label>
        <input
          id={`${idPrefix}-password`}
          type="password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </div>
    </>
  );
}
