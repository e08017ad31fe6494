// app.info, read once at start and again after a restore; shown in the header and on the About page.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/api';
import { useClient } from '../api/context';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  reload: () => void;
}

const AppInfoContext = createContext<AppInfoState>({ info: null, error: null, reload: () => undefined });

export function useAppInfo(): AppInfoState {
  return useContext(AppInfoContext);
}

export function AppInfoProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    void client['app.info']({}).then((r) => {
      if (r.ok) {
        setInfo(r.value);
        setError(null);
      } else setError(r.error.message);
    });
  }, [client]);

  useEffect(reload, [reload]);
  return <AppInfoContext.Provider value={{ info, error, reload }}>{children}</AppInfoContext.Provider>;
}
