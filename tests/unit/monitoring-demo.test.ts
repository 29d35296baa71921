import { describe, expect, it } from 'vitest';
import { today } from '../../electron/core/clock';
import { addDays, daysBetween } from '../../shared/results/schoolYear';
import path from 'node:path';
import { makeCore } from './helpers';
import { runCli } from '../../electron/core/cli/main';

// These tests take the clock as it is (REGIEBOEK_TODAY or the system date): the example must hold
// on any date, and CI runs them under two other dates too.
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

describe('monitoring in the example region', () => {
  it('has two rounds held and one in preparation, actions in every status, open ones on the next agenda, facts from every module', async () => {
    const { call } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const day = today();
    const rounds = await call('monitoring.round.list', {});
    // Newest first: one round ahead (about eight weeks from today), two held in June a year apart.
    expect(rounds).toHaveLength(3);
    const [next, june2, june1] = rounds as [(typeof rounds)[0], (typeof rounds)[0], (typeof rounds)[0]];
    expect(next.upcoming).toBe(true);
    expect(daysBetween(day, next.startDate)).toBeGreaterThanOrEqual(56);
    expect(daysBetween(day, next.startDate)).toBeLessThan(63);
    expect(next.name).toBe(`Monitoringgesprekken ${MONTHS[Number(next.startDate.slice(5, 7)) - 1]} ${next.startDate.slice(0, 4)}`);
    expect([june2.upcoming, june1.upcoming]).toEqual([false, false]);
    expect(june2.name).toBe(`Monitoringgesprekken juni ${june2.startDate.slice(0, 4)}`);
    expect(june1.name).toBe(`Monitoringgesprekken juni ${Number(june2.startDate.slice(0, 4)) - 1}`);
    // The last round held is recent: within the seventeen months before today.
    expect(june2.startDate < day && daysBetween(june2.startDate, day) < 520).toBe(true);
    const { actions } = await call('monitoring.action.list', {});
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['open', 'loopt', 'afgerond', 'vervallen']));

    const upcoming = await call('monitoring.round.get', { id: next.id });
    expect(upcoming.agenda.length).toBeGreaterThan(0);
    expect(upcoming.agenda.every((a) => a.status === 'open' || a.status === 'loopt')).toBe(true);
    // An action from the first round that is still open is carried over twice.
    expect(upcoming.agenda.some((a) => a.roundName === june1.name)).toBe(true);

    const held = await call('monitoring.round.get', { id: june1.id });
    const input = await call('monitoring.interview.get', { id: held.interviews[0]!.id });
    expect(input.status).toBe('besproken');
    expect(input.factsFrozen).toBe(true);
    expect(input.attendees.length).toBeGreaterThan(0);
    // The question reworded between the rounds keeps its old text in the first round.
    expect(input.questions[4]!.text).toBe('Hoe verloopt de samenwerking met de partners uit de RMC-regio?');
    expect(input.questions[4]!.reworded).toBe(true);
    // Frozen as of the round's date: no money spent yet for later years, no later measurements.
    expect(input.facts.asOf).toBe(june1.startDate);
    const laterYears = input.facts.budget.years.filter((y) => y.year > Number(june1.startDate.slice(0, 4)));
    expect(laterYears.length).toBeGreaterThan(0);
    expect(laterYears.every((y) => y.spentCents === null)).toBe(true);
    expect(input.facts.results.items.some((r) => r.latestDate)).toBe(true);
    expect(input.facts.results.items.every((r) => !r.latestDate || r.latestDate <= june1.startDate)).toBe(true);

    const concept = await call('monitoring.interview.get', { id: upcoming.interviews.find((i) => i.status === 'concept')!.id });
    expect(concept.factsFrozen).toBe(false);
    expect(concept.facts.participants.length).toBeGreaterThan(0);
    expect(concept.facts.budget.available).toBe(true);
    expect(concept.facts.budget.years[0]!.budgetedCents).toBeGreaterThan(0);
    expect(concept.facts.openActions.length).toBeGreaterThan(0);

    // Measure 3.1 has an input per partner; each shows that partner's share.
    const perPartner = upcoming.interviews.filter((i) => i.partnerName);
    expect(perPartner.map((i) => i.partnerName).sort()).toEqual(['ROC Voorbeeldstad', 'Vakcollege Lindehaven']);
    const whole = await call('monitoring.facts', { measureId: perPartner[0]!.measureId, asOf: upcoming.startDate });
    // The round lies ahead; figures cannot be known beyond today.
    expect(whole.asOf).toBe(day);
    const sum = (f: typeof whole) => f.participants.reduce((n, p) => n + p.planned, 0);
    for (const i of perPartner) {
      const f = (await call('monitoring.interview.get', { id: i.id })).facts;
      expect(f.partnerName).toBe(i.partnerName);
      if (f.partnerScoped) expect(sum(f)).toBeLessThanOrEqual(sum(whole));
      else expect(sum(f)).toBe(sum(whole));
    }

    // An action agreed in the interview, linked to one of the measure's indicators.
    const ind = concept.indicators[0]!;
    const action = await call('monitoring.action.create', {
      roundId: upcoming.id,
      measureId: concept.measureId,
      indicatorId: ind.id,
      text: 'Meetmethode van deze indicator afstemmen met de scholen.',
      ownerName: 'Coördinator RMC',
      ownerOrganisationId: null,
      deadline: addDays(day, 90),
      status: 'open',
    });
    expect(action.indicatorName).toBe(ind.name);
  });

  it('end to end: fill in and submit an input, add an action, see it on the next agenda, mark it done in the overview', async () => {
    const { call } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const [upcoming] = await call('monitoring.round.list', {});
    const interview = upcoming!.interviews.find((i) => i.status === 'concept' && !i.partnerName)!;
    let input = await call('monitoring.interview.get', { id: interview.id });
    expect(input.facts.budget.available).toBe(true);
    const saved = await call('monitoring.interview.saveAnswers', { id: interview.id, rowVersion: input.rowVersion, answers: input.questions.map((q) => ({ questionId: q.questionId, answer: `Antwoord op vraag ${q.position}.` })) });
    input = await call('monitoring.interview.setStatus', { id: interview.id, rowVersion: saved.rowVersion, status: 'ingediend' });
    expect(input).toMatchObject({ status: 'ingediend', factsFrozen: true, answered: input.total });

    const action = await call('monitoring.action.create', {
      roundId: upcoming!.id,
      measureId: interview.measureId,
      text: 'Wachttijd voor de plusvoorziening per kwartaal rapporteren.',
      ownerName: '',
      ownerOrganisationId: (await call('organisation.list'))[0]!.id,
      deadline: addDays(today(), 120),
      status: 'open',
    });
    const next = await call('monitoring.round.create', {
      programmeId: upcoming!.programmeId,
      name: 'Monitoringgesprekken (volgende)',
      startDate: addDays(upcoming!.startDate, 140),
      endDate: null,
      notes: '',
      measureIds: [interview.measureId],
    });
    expect(next.agenda.map((a) => a.id)).toContain(action.id);

    await call('monitoring.action.setStatus', { id: action.id, rowVersion: action.rowVersion, status: 'afgerond' });
    const done = await call('monitoring.action.list', { status: 'afgerond', measureId: interview.measureId });
    expect(done.actions.map((a) => a.id)).toContain(action.id);
    expect((await call('monitoring.round.get', { id: next.id })).agenda.map((a) => a.id)).not.toContain(action.id);
  });

  it('regieboek monitoring --json prints the rounds with answered/total per measure and all actions', async () => {
    const { dir } = await makeCore({ workspace: false });
    const file = path.join(dir, 'demo.sqlite');
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await runCli(['demo', '--db', file], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['monitoring', '--db', file, '--json'], io)).toBe(0);
    const r = JSON.parse(out.join('')) as { rounds: { name: string; measures: { answered: number; total: number }[] }[]; actions: { status: string; deadline: string | null }[] };
    expect(r.rounds).toHaveLength(3);
    expect(r.rounds[2]!.measures[0]).toMatchObject({ answered: 12, total: 12 });
    expect(r.actions.length).toBe(9);
    expect(r.actions.every((a) => 'deadline' in a)).toBe(true);
  });
});
