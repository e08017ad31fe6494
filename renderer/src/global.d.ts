import type { MarkGuardClient } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser, where the web bridge client is used. */
    markguard?: MarkGuardClient;
    /** Set by the Electron preload: the path of a file dropped on the window (browsers have no file paths). */
    markguardFiles?: { pathOf(file: File): string };
  }
}

export {};
