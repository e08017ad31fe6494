// Run by `npm start` before Electron: makes sure better-sqlite3 exists built for Electron's ABI.
// npm builds better-sqlite3 for the system Node (what the tests use); Electron needs its own build. This script
// puts that build in native/electron-<abi>/better_sqlite3.node, which electron/native.ts passes to better-sqlite3
// as `nativeBinding`, so both builds live side by side in one checkout and neither replaces the other.
// It first tries the prebuilt binary better-sqlite3 publishes for Electron (prebuild-install), then compiles
// from source against Electron's headers (node-gyp). Both need the network once; afterwards nothing is fetched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
const abi = readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
const target = path.join(root, 'native', `electron-${abi}`, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

console.error(`商标守护：首次启动，正在为 Electron ${electronVersion}（ABI ${abi}）准备数据库模块 better-sqlite3 …`);
const work = mkdtempSync(path.join(os.tmpdir(), 'markguard-native-'));
const source = path.join(root, 'node_modules', 'better-sqlite3');
const copy = path.join(work, 'better-sqlite3');
cpSync(source, copy, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (command, args) =>
  spawnSync(command, args, { cwd: copy, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

const built =
  run(bin('prebuild-install'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]) ||
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
const output = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(output)) {
  rmSync(work, { recursive: true, force: true });
  console.error(
    '商标守护：无法为 Electron 准备 better-sqlite3（需要联网下载预编译文件，或安装 C++ 编译环境后从源码编译）。\n' +
      '请检查网络后重新运行 npm start。',
  );
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(output, target);
rmSync(work, { recursive: true, force: true });
console.error(`商标守护：已生成 ${path.relative(root, target)}`);
