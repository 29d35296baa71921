/** A fresh workspace per test, driven through the same dispatcher the screens use. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import type { Channel, In, Out } from '../../shared/contract';
import type { AppError } from '../../shared/result';

export interface TestApp {
  app: AppState;
  dir: string;
  call<C extends Channel>(channel: C, input?: In<C>): Promise<Out<C>>;
  fail<C extends Channel>(channel: C, input: In<C>): Promise<AppError>;
  close(): Promise<void>;
}

export async function newWorkspace(): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-tree-'));
  const app = new AppState({ dataDir: dir, host: 'test' });
  const dispatch = createDispatcher(app, { log: () => {} });
  const t: TestApp = {
    app,
    dir,
    async call(channel, input) {
      const r = await dispatch(channel, input ?? {});
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as never;
    },
    async fail(channel, input) {
      const r = await dispatch(channel, input);
      if (r.ok) throw new Error(`${channel} should have failed`);
      return r.error;
    },
    async close() {
      await app.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await t.call('workspace.create', { regionNumber: 28, fileName: 'test' });
  return t;
}

export const programmeInput = {
  name: 'Programma 2024-2028',
  periodStart: '2024-08-01',
  periodEnd: '2028-07-31',
  status: 'lopend' as const,
  analysis: '',
  requestedCents: null,
  awardedCents: null,
  notes: '',
};

export const measureInput = (programmeId: string, code: string, name: string) => ({
  programmeId,
  lineId: null,
  code,
  name,
  description: '',
  plusvoorziening: false,
  targetGroups: [],
  leadOrganisationId: null,
  executorIds: [],
  status: 'lopend' as const,
});

export const activityInput = (measureId: string, code: string, name: string) => ({
  measureId,
  code,
  name,
  status: 'lopend' as const,
  description: '',
  aim: '',
  startDate: null,
  endDate: null,
  durationNote: '',
  subActivitiesDuration: '',
  targetGroups: [],
  targetGroupNeed: '',
  plannedParticipants: [],
  lookBackEarlier: '',
  lookBackAimReached: '',
  resultsGeneral: '',
  resultsPerSubActivity: '',
  resultsVsvContribution: '',
  resultsResponsible: '',
  measurementMoments: '',
  indicatorsMonitoring: '',
  organisationStructure: '',
  sustainabilityHow: '',
  sustainabilityWho: '',
  sustainabilityFrom: '',
  leadOrganisationId: null,
  executorIds: [],
});
