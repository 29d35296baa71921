import fs from 'node:fs';
import { handlers } from './types';
import type { Workspace } from '../db/workspace-file';
import { LATEST_VERSION } from '../db/migrate';
import type { WorkspaceInfo } from '../../../shared/schemas/workspace';
import { EXAMPLE_REGION, REGIONS } from '../../../shared/regions';
import { seedExample } from '../demo/seed';
import { today } from '../clock';

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const region = ws.sqlite.prepare('SELECT number, name, contact_municipality AS contactMunicipality FROM region').get() as WorkspaceInfo['region'];
  return {
    path: ws.path,
    fileName: ws.fileName,
    region,
    schemaVersion: ws.sqlite.pragma('user_version', { simple: true }) as number,
    isExample: region.number === EXAMPLE_REGION.number,
    readOnly: ws.readOnly,
    network: ws.state.network,
    recovered: ws.state.recovered,
  };
}

export const workspaceHandlers = handlers({
  'app.info': (_, ctx) => ({
    version: ctx.app.version,
    schemaVersion: LATEST_VERSION,
    dataDir: ctx.app.dataDir,
    userName: ctx.app.userName,
    osUserName: ctx.app.osUserName,
    host: ctx.app.host,
    today: today(),
  }),

  'settings.get': (_, ctx) => ctx.app.getSettings(),

  'settings.update': (input, ctx) => ctx.app.setSettings(input),

  'regions.list': () => [...REGIONS],

  'workspace.current': (_, ctx) => (ctx.app.workspace ? workspaceInfo(ctx.app.workspace) : null),

  'workspace.recent': (_, ctx) => ctx.app.recent(),

  'workspace.files': (_, ctx) => ctx.app.files(),

  'workspace.create': async ({ regionNumber, fileName }, ctx) => {
    const region = ctx.app.regionOrThrow(regionNumber);
    return workspaceInfo(await ctx.app.create(ctx.app.fileFor(fileName), region));
  },

  'workspace.open': async ({ path, readOnly }, ctx) => workspaceInfo(await ctx.app.open(path, { readOnly })),

  'workspace.openExample': async (_, ctx) => {
    const file = ctx.app.fileFor('Voorbeeldregio');
    if (fs.existsSync(file)) return workspaceInfo(await ctx.app.open(file));
    // Filled before it takes its name: a kill halfway never leaves an empty example behind.
    return workspaceInfo(await ctx.app.createFilled(file, EXAMPLE_REGION, { example: 'true' }, (ws) => seedExample(ws.db, ctx.session)));
  },

  'workspace.close': async (_, ctx) => {
    await ctx.app.close();
    return null;
  },
});
