import type { MarkGuardClient } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the web bridge client is used. */
    markguard?: MarkGuardClient;
    /**
     * Set by the Electron preload: registers a file dropped on the window with the main process and returns a token
     * for it (null for anything but an existing CSV/XLSX file). The path itself never reaches the page.
     */
    markguardFiles?: { register(file: File): Promise<{ token: string; fileName: string } | null> };
  }
}

export {};
