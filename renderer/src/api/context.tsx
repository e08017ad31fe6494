import { createContext, useContext, type ReactNode } from 'react';
import type { MarkGuardClient } from '../../../shared/api';

const ClientContext = createContext<MarkGuardClient | null>(null);

export function ClientProvider({ client, children }: { client: MarkGuardClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): MarkGuardClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}
