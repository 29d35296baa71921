import fs from 'node:fs';

/** Removes the run's scratch data folder (vitest.config.ts) when the run ends. */
export default function setup() {
  const dir = process.env.REGIEBOEK_DATA_DIR;
  return () => {
    if (dir && dir.includes('regieboek-unit-data-')) fs.rmSync(dir, { recursive: true, force: true });
  };
}
