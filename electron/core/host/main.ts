/** `npm run web [-- --port 8080] [--host ADDR] [--data-dir DIR]`: Regieboek in the browser. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppState } from '../app-state';
import { createDispatcher } from '../dispatch';
import { isLoopback, startHost } from './server';
import { defaultDataDir } from '../paths';

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
    console.error(`Regieboek luistert alleen op deze computer. Wilt u echt op ${host} luisteren, geef dan ook --allow-remote op.`);
    process.exit(1);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Poort "${values.port}" is ongeldig: geef een getal van 1 tot en met 65535.`);
    process.exit(1);
  }
  const dataDir = path.resolve(values['data-dir'] ?? process.env.REGIEBOEK_DATA_DIR ?? defaultDataDir());
  const app = new AppState({ dataDir, host: 'web' });
  await app.reopenLast();
  const running = await startHost({ dispatch: createDispatcher(app), rendererDir: path.join(__dirname, 'renderer'), port, host });
  console.log(`Regieboek draait op ${running.url}`);
  console.log(`Gegevensmap: ${dataDir}`);
  const stop = async () => {
    await running.close();
    await app.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error('Regieboek kon niet starten:', e instanceof Error ? e.message : e);
  process.exit(2);
});
