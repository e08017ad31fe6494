// `npm start [-- --web] [-- --no-build]`: builds the app and opens the desktop window, or — where Electron cannot
// be had (no network for its download) — says so in one line and serves the same app in the browser mode,
// printing its address and opening it in Chromium's app window when there is a display. The decisions are
// build/start-plan.mjs; this file only looks at the machine and carries them out.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fallbackLine, nextStartStep } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// MARKGUARD_ELECTRON_DIR stands in for node_modules/electron (tests: an Electron that is not there)
const electronDir = process.env.MARKGUARD_ELECTRON_DIR ?? path.join(root, 'node_modules', 'electron');
const args = new Set(process.argv.slice(2));
const DOWNLOAD_TIMEOUT_MS = 180_000;

function electronExecutable() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

function nativeModulePresent() {
  const abiFile = path.join(electronDir, 'abi_version');
  if (!existsSync(abiFile)) return false;
  return existsSync(path.join(root, 'native', `electron-${readFileSync(abiFile, 'utf8').trim()}`, 'better_sqlite3.node'));
}

function findChromium() {
  if (process.env.MARKGUARD_CHROMIUM !== undefined) return process.env.MARKGUARD_CHROMIUM || null;
  const candidates =
    process.platform === 'win32'
      ? [
          path.join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
          path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        ]
      : process.platform === 'darwin'
        ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
  return candidates.find((file) => existsSync(file)) ?? null;
}

const facts = {
  electronPackage: existsSync(path.join(electronDir, 'package.json')),
  electronBinary: electronExecutable() !== null,
  downloadTried: false,
  nativeModule: nativeModulePresent(),
  nativeTried: false,
  display: process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
  chromium: findChromium(),
  forceWeb: args.has('--web'),
};

/** Runs a command to its end; true when it succeeded. Output is kept out of the way unless it is the build's. */
function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: options.quiet ? 'pipe' : 'inherit', timeout: options.timeoutMs, shell: process.platform === 'win32' });
  return result.status === 0;
}

function build() {
  if (args.has('--no-build') && existsSync(path.join(root, 'out', 'web.cjs'))) return;
  if (!run('npm', ['run', 'build', '--silent'])) {
    console.error('商标守护：构建失败，请查看上面的错误信息。');
    process.exit(1);
  }
}

function startElectron() {
  build();
  const child = spawn(/** @type {string} */ (electronExecutable()), [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startWeb(step) {
  console.error(fallbackLine(step.reason));
  build();
  const child = spawn(process.execPath, [path.join(root, 'out', 'web.cjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    const match = /^MARKGUARD_WEB_URL=(\S+)$/m.exec(buffered);
    if (!match) return;
    child.stdout.removeAllListeners('data');
    child.stdout.resume();
    console.log(`商标守护浏览器模式：${match[1]}`);
    if (step.openIn) {
      const browser = spawn(step.openIn, [`--app=${match[1]}`, '--no-first-run', '--new-window'], { stdio: 'ignore', detached: true });
      browser.on('error', () => console.error('商标守护：无法打开浏览器，请复制上面的地址到浏览器中打开。'));
      browser.unref();
    } else {
      console.log('请在浏览器中打开上面的地址（关闭本窗口或按 Ctrl+C 结束）。');
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

try {
  for (;;) {
    const step = nextStartStep(facts);
    if (step.action === 'download-electron') {
      console.error('商标守护：正在下载 Electron …');
      run(process.execPath, [path.join(electronDir, 'install.js')], { quiet: true, timeoutMs: DOWNLOAD_TIMEOUT_MS });
      facts.downloadTried = true;
      facts.electronBinary = electronExecutable() !== null;
    } else if (step.action === 'prepare-native') {
      run(process.execPath, [path.join(root, 'build', 'ensure-electron.mjs')]);
      facts.nativeTried = true;
      facts.nativeModule = nativeModulePresent();
    } else if (step.action === 'electron') {
      startElectron();
      break;
    } else {
      startWeb(step);
      break;
    }
  }
} catch (error) {
  console.error(`商标守护无法启动：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
