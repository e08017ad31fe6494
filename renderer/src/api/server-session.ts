// Server mode (the renderer served by a MarkGuard server): the signed-in user and their session token, kept in
// sessionStorage (this tab only; closing it forgets the login). A call refused with 401 (the session ended) does not
// fail the page: the client waits here until the clerk signs in again and then sends the call once more, so the
// page — its filters, its position, an edit in progress — stays as it was.
import type { UserSummary } from '../../../shared/contract/accounts';
import type { Result } from '../../../shared/result';

const SESSION_KEY = 'markguard.session';

export interface SessionState {
  user: UserSummary | null;
  token: string | null;
  /** why the login page shows: null (not signed in yet, or signed out), or the server's reason (会话已过期…) */
  notice: string | null;
  /** true once a user signed in in this tab: an ended session shows the login over the page, not instead of it */
  everSignedIn: boolean;
  /** the file being uploaded now (a large gazette takes a while), shown so the clerk knows to wait */
  uploading: { fileName: string; bytes: number } | null;
}

export interface ServerSession {
  state(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Signs in; null when it worked, otherwise the server's message (账户已锁定…, 登录名或密码不正确). */
  login(login: string, password: string): Promise<string | null>;
  logout(): Promise<void>;
  /** The session ended (a 401): shows the login with this message; resolves with the new token once signed in. */
  expired(message: string): Promise<string>;
  /** The user changed (a 管理员 edited their own account, or accounts.me answered). */
  setUser(user: UserSummary): void;
  setUploading(file: { fileName: string; bytes: number } | null): void;
}

function stored(): { token: string; user: UserSummary } | null {
  try {
    const raw = window.sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as { token: string; user: UserSummary }) : null;
  } catch {
    return null;
  }
}

export function createServerSession(): ServerSession {
  const kept = stored();
  let state: SessionState = { user: kept?.user ?? null, token: kept?.token ?? null, notice: null, everSignedIn: kept !== null, uploading: null };
  const listeners = new Set<() => void>();
  let waiting: ((token: string) => void)[] = [];

  const set = (next: Partial<SessionState>) => {
    state = { ...state, ...next };
    if (state.token && state.user) window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: state.token, user: state.user }));
    else window.sessionStorage.removeItem(SESSION_KEY);
    for (const listener of listeners) listener();
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async login(login, password) {
      let answer: Result<{ token: string; user: UserSummary }>;
      try {
        const response = await fetch('auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }) });
        answer = (await response.json()) as Result<{ token: string; user: UserSummary }>;
      } catch {
        return '无法连接到商标守护服务器，请检查网络后重试。';
      }
      if (!answer.ok) return answer.error.message;
      const previous = state.user;
      set({ token: answer.value.token, user: answer.value.user, notice: null, everSignedIn: true });
      // calls held since the session ended are sent again only for the same user; another user starts afresh
      const resume = waiting;
      waiting = [];
      if (previous && previous.id !== answer.value.user.id) window.location.reload();
      else for (const go of resume) go(answer.value.token);
      return null;
    },
    async logout() {
      const token = state.token;
      set({ token: null, user: null, notice: null, everSignedIn: false });
      if (token) await fetch('auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
    },
    expired(message) {
      // the user is kept: the login form offers the same login, and the held calls resume for them
      set({ token: null, notice: message });
      return new Promise((resolve) => waiting.push(resolve));
    },
    setUser(user) {
      set({ user });
    },
    setUploading(uploading) {
      set({ uploading });
    },
  };
}

/** Is the renderer served by a MarkGuard server? (The loopback bridge answers this path with 404.) */
export async function servedByServer(): Promise<boolean> {
  try {
    const response = await fetch('auth/server');
    if (!response.ok) return false;
    const body = (await response.json()) as { ok?: boolean; value?: { server?: boolean } };
    return body.ok === true && body.value?.server === true;
  } catch {
    return false;
  }
}
