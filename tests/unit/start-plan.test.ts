// What `npm start` does from what is present (issue 10, item 9): the desktop app when Electron and its database
// module can be had, otherwise the browser mode with one line saying why.
import { describe, expect, it } from 'vitest';
import { fallbackLine, nextStartStep, type StartFacts } from '../../build/start-plan.mjs';

const ready: StartFacts = {
  electronPackage: true,
  electronBinary: true,
  downloadTried: false,
  nativeModule: true,
  nativeTried: false,
  display: true,
  chromium: '/usr/bin/chromium',
  forceWeb: false,
};

describe('npm start', () => {
  it('opens the desktop app when everything is there', () => {
    expect(nextStartStep(ready)).toEqual({ action: 'electron' });
  });

  it('tries the Electron download once, then falls back to the browser mode in Chromium', () => {
    expect(nextStartStep({ ...ready, electronBinary: false })).toEqual({ action: 'download-electron' });
    expect(nextStartStep({ ...ready, electronBinary: false, downloadTried: true })).toEqual({
      action: 'web',
      reason: '无法下载 Electron（需要联网）',
      openIn: '/usr/bin/chromium',
    });
  });

  it('prepares the database module once, then falls back when it cannot', () => {
    expect(nextStartStep({ ...ready, nativeModule: false })).toEqual({ action: 'prepare-native' });
    expect(nextStartStep({ ...ready, nativeModule: false, nativeTried: true })).toMatchObject({ action: 'web', reason: expect.stringContaining('better-sqlite3') });
  });

  it('prints the address only when there is no display or no Chromium', () => {
    expect(nextStartStep({ ...ready, electronPackage: false, display: false })).toMatchObject({ action: 'web', openIn: null });
    expect(nextStartStep({ ...ready, electronPackage: false, chromium: null })).toMatchObject({ action: 'web', openIn: null });
    // Electron without a display cannot open its window either
    expect(nextStartStep({ ...ready, display: false })).toMatchObject({ action: 'web', openIn: null, reason: expect.stringContaining('DISPLAY') });
  });

  it('uses the browser mode when asked, and says why in one line', () => {
    expect(nextStartStep({ ...ready, forceWeb: true })).toMatchObject({ action: 'web', openIn: '/usr/bin/chromium' });
    const line = fallbackLine('无法下载 Electron（需要联网）');
    expect(line).toBe('商标守护：无法下载 Electron（需要联网），改用浏览器模式启动。');
    expect(line).not.toContain('\n');
  });
});
