// `node out/web.cjs [--data-dir DIR] [--port N] [--test-hooks]`: the real services and the built renderer on a
// loopback address, for browser tests and development. Prints one line, MARKGUARD_WEB_URL=..., when ready.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from './bridge/server';
import { createQueuedDialogs } from './bridge/dialogs';
import { currentActor, environmentFromEnv, resolveDataDir } from './paths';
import { startServices } from './startup';
import { connectionFile, createServerConnection, selectDispatch } from './server/connection';
import { createConnectionHandlers } from './server/connection-handlers';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'test-hooks': { type: 'boolean', default: false },
    },
  });
  const root = path.resolve(__dirname, '..');
  const dataDir = resolveDataDir({
    override: values['data-dir'] ?? process.env.MARKGUARD_DATA_DIR,
    // The web bridge is a development and test tool: never the production folder unless asked for by path.
    environment: environmentFromEnv() === 'test' ? 'test' : 'development',
  });
  const dialogs = createQueuedDialogs();
  // the same 连接到服务器 as the desktop app (electron/main.ts), so that a browser test can exercise it
  const connection = createServerConnection(connectionFile(dataDir), { dialogs });
  const services = await startServices(
    {
      dataDir,
      seedsDir: path.join(root, 'seeds'),
      actor: currentActor(),
      transport: 'web',
      workerDir: __dirname,
      version: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
    },
    dialogs,
    createConnectionHandlers(connection),
  );
  const bridge = await startBridge({
    dispatch: selectDispatch(services.dispatch, connection),
    rendererDir: path.join(root, 'out', 'renderer'),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values['test-hooks'] ? { testHooks: { queueDialogAnswer: dialogs.queue } } : {}),
  });
  process.stdout.write(`MARKGUARD_WEB_URL=${bridge.url}\n`);
  process.stderr.write(`数据文件夹：${dataDir}\n`);
  const stop = () => {
    void bridge.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`商标守护网页模式启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
