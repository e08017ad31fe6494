// What `npm start` does next, decided from what is present (issue 10, item 9). Pure, so that every branch is
// unit-tested (tests/unit/start-plan.test.ts); build/start.mjs gathers the facts and carries out each step.
//
// The desktop app needs the Electron binary (downloaded on first use) and better-sqlite3 built for Electron's ABI
// (build/ensure-electron.mjs). Where either cannot be had — typically no network — the same app runs in the
// browser mode (out/web.cjs) instead of ending in a stack trace.

/**
 * @typedef {object} StartFacts
 * @property {boolean} electronPackage  node_modules/electron is installed
 * @property {boolean} electronBinary   its executable is present
 * @property {boolean} downloadTried    a download of the executable was tried in this run (and failed)
 * @property {boolean} nativeModule     better-sqlite3 for Electron's ABI is present
 * @property {boolean} nativeTried      preparing it was tried in this run (and failed)
 * @property {boolean} display          a graphical display is there (always on Windows and macOS)
 * @property {string | null} chromium   a Chromium or Chrome executable, if one was found
 * @property {boolean} forceWeb         the user asked for the browser mode (--web)
 */

/**
 * @typedef {{ action: 'download-electron' } | { action: 'prepare-native' } | { action: 'electron' }
 *   | { action: 'web', reason: string, openIn: string | null }} StartStep
 */

/** @param {StartFacts} facts @param {string} reason @returns {StartStep} */
function web(facts, reason) {
  return { action: 'web', reason, openIn: facts.display && facts.chromium ? facts.chromium : null };
}

/** @param {StartFacts} facts @returns {StartStep} */
export function nextStartStep(facts) {
  if (facts.forceWeb) return web(facts, '按要求使用浏览器模式');
  if (!facts.electronPackage) return web(facts, '没有安装 Electron（node_modules/electron 不存在）');
  if (!facts.electronBinary) {
    if (!facts.downloadTried) return { action: 'download-electron' };
    return web(facts, '无法下载 Electron（需要联网）');
  }
  if (!facts.display) return web(facts, '没有图形显示（DISPLAY 未设置），桌面窗口无法打开');
  if (!facts.nativeModule) {
    if (!facts.nativeTried) return { action: 'prepare-native' };
    return web(facts, '无法为 Electron 准备数据库模块 better-sqlite3（需要联网或 C++ 编译环境）');
  }
  return { action: 'electron' };
}

/** The one line said when the browser mode replaces the desktop window. @param {string} reason */
export function fallbackLine(reason) {
  return `商标守护：${reason}，改用浏览器模式启动。`;
}
