/** Entry of the `regieboek` command (bundled to dist/cli.cjs). */
import { runCli } from './main';

void runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then((code) => {
  process.exitCode = code;
});
