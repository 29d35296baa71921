/** Entry of the `regieboek` command (bundled to dist/cli.cjs). */
import { runCli } from './main';

// `regieboek tree | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

void runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then((code) => {
  process.exitCode = code;
});
