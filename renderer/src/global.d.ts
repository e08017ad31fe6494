import type { MarkGuardClient } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the web bridge client is used. */
    markguard?: MarkGuardClient;
  }
}

export {};
