// Types of build/start-plan.mjs for the TypeScript tests.
export interface StartFacts {
  electronPackage: boolean;
  electronBinary: boolean;
  downloadTried: boolean;
  nativeModule: boolean;
  nativeTried: boolean;
  display: boolean;
  chromium: string | null;
  forceWeb: boolean;
}
export type StartStep =
  | { action: 'download-electron' }
  | { action: 'prepare-native' }
  | { action: 'electron' }
  | { action: 'web'; reason: string; openIn: string | null };
export function nextStartStep(facts: StartFacts): StartStep;
export function fallbackLine(reason: string): string;
