import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';

async function setup() {
  const core = await makeCore();
  const { call } = core;
  const p = await call('programme.create', programmeInput({ periodStart: '2025-08-01' }));
  const org = await call('organisation.create', { name: 'ROC Voorbeeld', type: 'mbo', brin: '', kvk: '', place: '', notes: '' });
  const m1 = await call('measure.create', measureInput(p.id, '2a', 'Instroomloket'));
  const m2 = await call('measure.create', measureInput(p.id, '3', 'Verzuimteam'));
  await call('activity.create', {
    ...activityInput(m1.id, '2a.1', 'Intake'),
    plannedParticipants: [
      { schoolYear: '2025/2026', count: 400 },
      { schoolYear: '2026/2027', count: 500 },
    ],
  });
  await call('activity.create', { ...activityInput(m1.id, '2a.2', 'Nazorg'), plannedParticipants: [{ schoolYear: '2025/2026', count: 100 }] });
  return { ...core, p, org, m1, m2 };
}

const actionInput = (roundId: string, measureId: string, over: Record<string, unknown> = {}) => ({
  roundId,
  measureId,
  text: 'Overleg plannen met de projectleiders',
  ownerName: 'Projectleider',
  ownerOrganisationId: null,
  deadline: '2026-09-01',
  status: 'open' as const,
  ...over,
});

describe('monitoring store', () => {
  it('gives a programme the 12 standard questions until it edits them', async () => {
    const { call, fail, p } = await setup();
    expect((await fail('monitoring.questions.edit', { programmeId: p.id, edit: { kind: 'add', questionText: ' ' } })).message).toBe('Tekst van de vraag: vul dit veld in.');
    const set = await call('monitoring.questions.get', { programmeId: p.id });
    expect(set.stored).toBe(false);
    expect(set.questions.filter((q) => !q.retired)).toHaveLength(12);
    const edited = await call('monitoring.questions.edit', { programmeId: p.id, edit: { kind: 'add', questionText: 'Hoe is de borging geregeld?' } });
    expect(edited.stored).toBe(true);
    expect(edited.version).toBe(1);
    expect(edited.versions.map((v) => v.version)).toEqual([1, 0]);
    expect(edited.questions.filter((q) => !q.retired)).toHaveLength(13);
  });

  it('an answer keeps the question text it answered after a rewording; retired questions are archived', async () => {
    const { call, p, m1 } = await setup();
    const round = await call('monitoring.round.create', { programmeId: p.id, name: 'Monitoringgesprekken juni 2026', startDate: '2026-06-18', endDate: null, notes: '', measureIds: [m1.id] });
    const interviewId = round.interviews[0]!.id;
    let input = await call('monitoring.interview.get', { id: interviewId });
    const q3 = input.questions[2]!;
    expect(q3.text).toBe('Wat kan beter?');
    await call('monitoring.interview.saveAnswers', { id: interviewId, rowVersion: input.rowVersion, answers: [{ questionId: q3.questionId, answer: 'De overdracht vanuit het vo.' }] });

    await call('monitoring.questions.edit', { programmeId: p.id, edit: { kind: 'reword', id: q3.questionId, questionText: 'Wat kan beter, en wat is daarvoor nodig?' } });
    input = await call('monitoring.interview.get', { id: interviewId });
    const answered = input.questions.find((q) => q.questionId === q3.questionId)!;
    expect(answered).toMatchObject({ text: 'Wat kan beter?', version: 1, answer: 'De overdracht vanuit het vo.', reworded: true });
    // Editing the answer later still keeps the old wording.
    await call('monitoring.interview.saveAnswers', { id: interviewId, rowVersion: input.rowVersion, answers: [{ questionId: q3.questionId, answer: 'Aangevuld antwoord.' }] });
    input = await call('monitoring.interview.get', { id: interviewId });
    expect(input.questions.find((q) => q.questionId === q3.questionId)!.text).toBe('Wat kan beter?');

    // A new input gets the new wording.
    const r2 = await call('monitoring.round.create', { programmeId: p.id, name: 'Najaar 2026', startDate: '2026-11-12', endDate: null, notes: '', measureIds: [m1.id] });
    const fresh = await call('monitoring.interview.get', { id: r2.interviews[0]!.id });
    expect(fresh.questions[2]!.text).toBe('Wat kan beter, en wat is daarvoor nodig?');

    // Retiring takes a question out of new inputs, keeps it in the set and keeps given answers.
    const q12 = fresh.questions[11]!;
    const set = await call('monitoring.questions.edit', { programmeId: p.id, edit: { kind: 'retire', id: q12.questionId } });
    expect(set.questions.find((q) => q.id === q12.questionId)!.retired).toBe(true);
    expect((await call('monitoring.interview.get', { id: r2.interviews[0]!.id })).questions).toHaveLength(11);
    expect((await call('monitoring.interview.get', { id: interviewId })).questions.find((q) => q.questionId === q3.questionId)!.answer).toBe('Aangevuld antwoord.');
  });

  it('shows planned participants and earlier open actions in the facts, and freezes them when submitted', async () => {
    const { call, p, m1 } = await setup();
    const r1 = await call('monitoring.round.create', { programmeId: p.id, name: 'Voorjaar 2026', startDate: '2026-03-10', endDate: null, notes: '', measureIds: [m1.id] });
    await call('monitoring.action.create', actionInput(r1.id, m1.id));
    const r2 = await call('monitoring.round.create', { programmeId: p.id, name: 'Najaar 2026', startDate: '2026-11-12', endDate: null, notes: '', measureIds: [m1.id] });
    const id = r2.interviews[0]!.id;
    let input = await call('monitoring.interview.get', { id });
    expect(input.facts.participants).toEqual([
      { schoolYear: '2025/2026', planned: 500, reached: null },
      { schoolYear: '2026/2027', planned: 500, reached: null },
    ]);
    expect(input.facts.openActions.map((a) => a.text)).toEqual(['Overleg plannen met de projectleiders']);
    expect(input.questions.filter((q) => q.facts).map((q) => q.position)).toEqual([6, 8]);

    input = await call('monitoring.interview.setStatus', { id, rowVersion: input.rowVersion, status: 'ingediend' });
    expect(input.factsFrozen).toBe(true);
    expect(input.status).toBe('ingediend');
    expect(input.questions).toHaveLength(12);
    expect(input.questions.every((q) => q.status === 'ingediend')).toBe(true);
    // A later change in the plan does not change the frozen facts.
    await call('activity.create', { ...activityInput(input.measureId, '2a.3', 'Extra'), plannedParticipants: [{ schoolYear: '2026/2027', count: 50 }] });
    input = await call('monitoring.interview.get', { id });
    expect(input.facts.participants[1]!.planned).toBe(500);
    const live = await call('monitoring.facts', { measureId: input.measureId, asOf: '2026-11-12' });
    expect(live.participants[1]!.planned).toBe(550);
  });

  it('carries open actions to the next round agenda; marking one done takes it off later agendas', async () => {
    const { call, p, m1, m2 } = await setup();
    const r1 = await call('monitoring.round.create', { programmeId: p.id, name: 'Juni 2025', startDate: '2025-06-12', endDate: null, notes: '', measureIds: [m1.id, m2.id] });
    const a1 = await call('monitoring.action.create', actionInput(r1.id, m1.id));
    const a2 = await call('monitoring.action.create', actionInput(r1.id, m2.id, { text: 'Cijfers aanleveren', status: 'loopt' }));
    await call('monitoring.action.create', actionInput(r1.id, m2.id, { text: 'Al gedaan', status: 'afgerond' }));
    const r2 = await call('monitoring.round.create', { programmeId: p.id, name: 'December 2025', startDate: '2025-12-04', endDate: null, notes: '', measureIds: [m1.id] });
    expect(r2.agenda.map((a) => a.text).sort()).toEqual(['Cijfers aanleveren', 'Overleg plannen met de projectleiders']);

    const done = await call('monitoring.action.setStatus', { id: a1.id, rowVersion: a1.rowVersion, status: 'afgerond' });
    expect(done.closedAt).not.toBeNull();
    const r3 = await call('monitoring.round.create', { programmeId: p.id, name: 'Juni 2026', startDate: '2099-06-18', endDate: null, notes: '', measureIds: [m1.id] });
    expect(r3.agenda.map((a) => a.id)).toEqual([a2.id]);
    const overview = await call('monitoring.action.list', { status: 'afgerond' });
    expect(overview.actions.map((a) => a.text).sort()).toEqual(['Al gedaan', 'Overleg plannen met de projectleiders']);
    const byOwner = await call('monitoring.action.list', { owner: 'projectleider', measureId: m2.id });
    expect(byOwner.actions.map((a) => a.id).length).toBe(2);
  });

  it('refuses an action without text or owner and flags a deadline before the round date', async () => {
    const { call, fail, p, m1, org } = await setup();
    const r = await call('monitoring.round.create', { programmeId: p.id, name: 'Juni 2026', startDate: '2026-06-18', endDate: null, notes: '', measureIds: [m1.id] });
    const e1 = await fail('monitoring.action.create', actionInput(r.id, m1.id, { text: '  ' }));
    expect(e1.message).toBe('Actie/Afspraak: vul dit veld in.');
    const e2 = await fail('monitoring.action.create', actionInput(r.id, m1.id, { ownerName: '' }));
    expect(e2.message).toMatch(/^Door: vul in wie de actie uitvoert/);
    expect(e2.field).toBe('ownerName');
    const orgOnly = await call('monitoring.action.create', actionInput(r.id, m1.id, { ownerName: '', ownerOrganisationId: org.id }));
    expect(orgOnly.ownerOrganisationName).toBe('ROC Voorbeeld');
    const early = await call('monitoring.action.create', actionInput(r.id, m1.id, { deadline: '2026-06-01' }));
    expect(early.deadlineBeforeRound).toBe(true);
    expect(early.overdue).toBe(true);
    expect(orgOnly.deadlineBeforeRound).toBe(false);
    const e3 = await fail('monitoring.action.create', actionInput(r.id, m1.id, { indicatorId: 'nope' }));
    expect(e3.field).toBe('indicatorId');
  });

  it('keeps attendees (from contacts or typed), refuses answers after submission, and undoes and trashes a round', async () => {
    const { call, fail, p, m1, org, versionOf } = await setup();
    const contact = await call('contact.create', { organisationId: org.id, name: 'Fenna Wouters', function: 'projectleider', email: '', phone: '' });
    const r = await call('monitoring.round.create', { programmeId: p.id, name: 'Juni 2026', startDate: '2026-06-18', endDate: null, notes: '', measureIds: [m1.id] });
    const interviewId = r.interviews[0]!.id;
    const a = await call('monitoring.attendee.add', { interviewId, contactId: contact.id, name: '', organisationName: '', function: '' });
    expect(a).toMatchObject({ name: 'Fenna Wouters', organisationName: 'ROC Voorbeeld', function: 'projectleider' });
    await call('monitoring.attendee.add', { interviewId, name: 'Gast Spreker', organisationName: 'Gemeente', function: 'beleidsmedewerker' });
    expect((await fail('monitoring.attendee.add', { interviewId, name: ' ', organisationName: '', function: '' })).message).toMatch(/^Naam: /);

    const input = await call('monitoring.interview.setStatus', { id: interviewId, rowVersion: versionOf('monitoringInterview', interviewId), status: 'ingediend' });
    const err = await fail('monitoring.interview.saveAnswers', { id: interviewId, rowVersion: input.rowVersion, answers: [{ questionId: input.questions[0]!.questionId, answer: 'x' }] });
    expect(err.code).toBe('conflict');
    await call('monitoring.interview.setStatus', { id: interviewId, rowVersion: input.rowVersion, status: 'concept' });
    expect((await call('monitoring.interview.get', { id: interviewId })).factsFrozen).toBe(false);

    await call('monitoring.interview.remove', { id: interviewId, rowVersion: versionOf('monitoringInterview', interviewId) });
    expect((await call('trash.list'))[0]).toMatchObject({ entity: 'monitoringInterview', label: '2a Instroomloket' });
    expect((await call('history.forEntity', { entity: 'monitoringInterview', id: interviewId }))[0]!.itemLabel).toBe('2a Instroomloket');
    await call('history.undo');
    expect((await call('monitoring.round.get', { id: r.id })).interviews).toHaveLength(1);

    await call('monitoring.action.create', actionInput(r.id, m1.id));
    await call('monitoring.round.delete', { id: r.id, rowVersion: versionOf('monitoringRound', r.id) });
    expect(await call('monitoring.round.list', {})).toEqual([]);
    expect((await call('monitoring.action.list', {})).actions).toEqual([]);
    const trash = await call('trash.list');
    expect(trash[0]).toMatchObject({ entity: 'monitoringRound', label: 'Juni 2026' });
    await call('trash.restore', { changeSetId: trash[0]!.changeSetId });
    const back = await call('monitoring.round.get', { id: r.id });
    expect(back.interviews[0]!.attendees).toHaveLength(2);
    expect(back.actions).toHaveLength(1);
    await call('history.undo'); // the restore
    await call('history.undo'); // the delete
    expect((await call('monitoring.round.get', { id: r.id })).actions).toHaveLength(1);

    // A programme in the Prullenbak takes its rounds and question set along, and brings them back.
    await call('programme.delete', { id: p.id, rowVersion: versionOf('programme', p.id) });
    expect(await call('monitoring.round.list', {})).toEqual([]);
    await call('trash.restore', { changeSetId: (await call('trash.list'))[0]!.changeSetId });
    expect((await call('monitoring.round.list', {})).map((x) => x.id)).toEqual([r.id]);
    expect((await call('monitoring.questions.get', { programmeId: p.id })).stored).toBe(true);
  });
});
