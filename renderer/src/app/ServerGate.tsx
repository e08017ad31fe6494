// Server mode's frame around the app: the login page until someone signs in, then the change of a password someone
// else set if the server demands it, the app afterwards with the login over it whenever the session ends; the user's role is read again from the server at each login (a 管理员 may
// have changed it since this tab stored it).
import { useEffect, type ReactNode } from 'react';
import type { ServerSession } from '../api/server-session';
import { useClient } from '../api/context';
import { useSessionState } from './account';
import { ForcedPasswordChange } from './ForcedPasswordChange';
import { LoginPage } from './LoginPage';
import { formatMegabytes } from './transfer-text';

export function ServerGate({ session, children }: { session: ServerSession; children: ReactNode }) {
  const client = useClient();
  const state = useSessionState();
  const token = state?.token ?? null;
  useEffect(() => {
    if (!token) return;
    void client['accounts.me']({}).then((me) => {
      if (me.ok && me.value.user) session.setUser(me.value.user);
    });
  }, [client, session, token]);
  if (!state) return null;
  if (!state.everSignedIn) return <LoginPage session={session} state={state} over={false} />;
  const user = state.user;
  if (state.token !== null && user?.mustChangePassword) {
    return (
      <ForcedPasswordChange
        displayName={user.displayName}
        onChanged={() => session.setUser({ ...user, mustChangePassword: false })}
        onLeave={() => void session.logout()}
        leaveLabel="退出登录"
      />
    );
  }
  return (
    <>
      {children}
      {state.uploading ? (
        <div className="upload-banner" role="status">
          正在上传「{state.uploading.fileName}」（{formatMegabytes(state.uploading.bytes)}）到服务器，请稍候…
        </div>
      ) : null}
      {state.token === null ? <LoginPage session={session} state={state} over /> : null}
    </>
  );
}
