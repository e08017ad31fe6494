// `npm run server [-- --data-dir DIR] [--host H] [--port N]`: MarkGuard for a division, over HTTPS with accounts.
// Prints the address, the certificate's SHA-256 fingerprint (what clients pin) and, on the first start only, the
// one-time password of the 管理员 account `admin`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { currentActor, environmentFromEnv, resolveDataDir } from '../paths';
import { storeConfigFromUrl, redactUrl } from '../store/store';
import type { AppConfig } from '../context';
import { backupCommand, restoreCommand } from './backup/commands';
import { readServerConfig } from './config';
import { startServer } from './start';

/** The server's own folder: never the desktop app's, so one machine can run both. */
export function serverDataDir(override: string | undefined): string {
  if (override) return path.resolve(override);
  return `${resolveDataDir({ environment: environmentFromEnv() })}-server`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { 'data-dir': { type: 'string' }, host: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: true,
  });
  const root = path.resolve(__dirname, '..');
  const dataDir = serverDataDir(values['data-dir'] ?? process.env.MARKGUARD_DATA_DIR);
  const config = readServerConfig(dataDir, process.env, {
    ...(values.host ? { host: values.host } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  const app: AppConfig = {
    dataDir,
    seedsDir: path.join(root, 'seeds'),
    actor: currentActor(),
    transport: 'server',
    workerDir: __dirname,
    version: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
  };
  const storeConfig = storeConfigFromUrl(config.databaseUrl, dataDir);
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const [command, argument] = positionals;
  if (command === 'backup') return backupCommand(app, config, storeConfig, write);
  if (command === 'restore') return restoreCommand(argument, app, storeConfig, write);
  if (command !== undefined) throw new Error(`未知的命令「${command}」：可用 backup、restore <备份文件夹>，或不带命令启动服务器。`);
  const server = await startServer({
    app,
    store: storeConfig,
    backups: config.backups,
    host: config.host,
    port: config.port,
    rendererDir: path.join(root, 'out', 'renderer'),
    tls: config.tls,
    sessions: config.sessions,
  });
  const out = process.stdout;
  out.write(`MARKGUARD_SERVER_URL=${server.url}\n`);
  out.write(`MARKGUARD_SERVER_FINGERPRINT=${server.certificate.fingerprint}\n`);
  out.write(`证书（${server.certificate.source === 'bureau' ? '本局提供' : '自签名'}）：${server.certificate.certFile}\n`);
  out.write(`账户数据库：${redactUrl(server.store.where)}；数据文件夹：${dataDir}\n`);
  const { backups } = config;
  out.write(`服务器备份：${backups.backupsDir}（${backups.dailyAt ? `每天 ${backups.dailyAt}` : '未开启定时备份'}，保留最近 ${backups.keep} 份）\n`);
  if (server.firstAdmin) {
    out.write(
      `首次启动已创建管理员账户：登录名 ${server.firstAdmin.login}，一次性密码 ${server.firstAdmin.password}\n` +
        '此密码只显示这一次：首次登录时须先修改密码，之后才能使用其他功能。\n',
    );
  }
  for (const batch of server.resumed) {
    const what = batch.was === 'importing' ? '继续导入' : '重新筛查';
    out.write(batch.problem ? `批次 ${batch.id} 上次未完成，未能${what}：${batch.problem}\n` : `批次 ${batch.id} 上次未完成，已自动${what}。\n`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`商标守护服务器${process.argv.includes('backup') ? '备份' : process.argv.includes('restore') ? '恢复' : '启动'}失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
