/** `npm run web [-- --port 8080] [--host ADDR] [--data-dir DIR]`: Regieboek in the browser. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppState } from '../app-state';
import { createDispatcher } from '../dispatch';
import { isLoopback, startHost } from './server';
import { defaultDataDir } from '../paths';
import { t } from '../../../shared/i18n/nl';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
    },
  });
  const host = values.host ?? '127.0.0.1';
  if (!isLoopback(host) && !values['allow-remote']) {
    console.error(t('host.localOnly', { host }));
    process.exit(1);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(t('host.badPort', { port: String(values.port) }));
    process.exit(1);
  }
  const dataDir = path.resolve(values['data-dir'] ?? process.env.REGIEBOEK_DATA_DIR ?? defaultDataDir());
  const app = new AppState({ dataDir, host: 'web' });
  await app.reopenLast();
  const running = await startHost({ dispatch: createDispatcher(app), rendererDir: path.join(__dirname, 'renderer'), port, host });
  console.log(t('host.running', { url: running.url }));
  console.log(t('host.dataDir', { dir: dataDir }));
  const stop = async () => {
    await running.close();
    await app.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(t('host.startFailed', { detail: e instanceof Error ? e.message : String(e) }));
  process.exit(2);
});
