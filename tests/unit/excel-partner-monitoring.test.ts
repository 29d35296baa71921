/** Partner request section "Monitoring": the round's questions per input, answers written through the monitoring handlers. */
import { describe, expect, it } from 'vitest';
import { makeCore } from './helpers';
import { load, save } from './excel-helpers';

const PARTNER = 'ROC Voorbeeldstad';

describe('partner request: monitoring answers for a round', () => {
  it('a partner answers two questions of a concept input and one of a submitted input; dry run, apply, visible, undo, again', async () => {
    const core = await makeCore({ workspace: false });
    await core.call('workspace.openExample');
    const rounds = await core.call('monitoring.round.list', {});
    // The round in preparation: its name follows from the clock (demo/monitoring.ts).
    const round = rounds.find((r) => r.upcoming)!;
    expect(round.name).toMatch(/^Monitoringgesprekken \p{L}+ \d{4}$/u);
    const ROUND = round.name;

    // The round by name or by id gives the same sheet; an unknown round is refused with the list.
    const out = await core.call('exchange.export', { kind: 'partner', partner: PARTNER, round: ROUND, sections: ['monitoring'] });
    const byId = await core.call('exchange.export', { kind: 'partner', partner: PARTNER, round: round.id, sections: ['monitoring'] });
    expect((await load(Buffer.from(byId.base64, 'base64'))).getWorksheet('Monitoring')!.actualRowCount).toBeGreaterThan(1);
    expect((await core.fail('exchange.export', { kind: 'partner', partner: PARTNER, round: 'Geen ronde', sections: ['monitoring'] })).message).toContain(ROUND);

    const wb = await load(Buffer.from(out.base64, 'base64'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', 'Monitoring']);
    expect(wb.getWorksheet('Toelichting')!.getColumn(1).values.join('\n')).toContain(`Monitoringronde: ${ROUND}`);
    const ws = wb.getWorksheet('Monitoring')!;
    const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const c = (h: string) => head.indexOf(h);
    expect(ws.getColumn(1).hidden).toBe(true);

    // Per row: which input, and its status now.
    const status = new Map<string, string>();
    const rows: { row: number; interviewId: string; questionId: string; answer: string }[] = [];
    for (let r = 2; r <= ws.actualRowCount; r++) {
      const [interviewId, questionId] = String(ws.getRow(r).getCell(1).value).split('/') as [string, string];
      if (!status.has(interviewId)) status.set(interviewId, (await core.call('monitoring.interview.get', { id: interviewId })).status);
      rows.push({ row: r, interviewId, questionId, answer: String(ws.getRow(r).getCell(c('Antwoord')).value ?? '') });
    }
    const concept = rows.filter((r) => status.get(r.interviewId) === 'concept');
    const withAnswer = concept.find((r) => r.answer)!;
    const withoutAnswer = concept.find((r) => !r.answer && r.interviewId === withAnswer.interviewId)!;
    const submitted = rows.find((r) => status.get(r.interviewId) === 'ingediend')!;
    expect(withAnswer && withoutAnswer && submitted).toBeTruthy();

    // Question read-only, answer unlocked and wrapping; the current answer pre-filled.
    const pr = ws.getRow(withAnswer.row);
    expect(pr.getCell(c('Antwoord')).protection).toMatchObject({ locked: false });
    expect(pr.getCell(c('Antwoord')).alignment).toMatchObject({ wrapText: true });
    expect(pr.getCell(c('Vraag')).protection?.locked).not.toBe(false);
    const before = await core.call('monitoring.interview.get', { id: withAnswer.interviewId });
    expect(before.questions.find((q) => q.questionId === withAnswer.questionId)!.answer).toBe(withAnswer.answer);

    // The partner changes one answer, fills in an empty one, and (by mistake) one of the submitted input.
    pr.getCell(c('Antwoord')).value = 'Goed; alle colleges registreren het verzuim nu op dezelfde manier.';
    ws.getRow(withoutAnswer.row).getCell(c('Antwoord')).value = 'Ruim 240 studenten in het eerste leerjaar.';
    ws.getRow(submitted.row).getCell(c('Antwoord')).value = 'Een ander antwoord.';
    const file = { fileName: 'uitvraag ROC monitoring.xlsx', base64: (await save(wb)).toString('base64') };

    const plan = await core.call('exchange.plan', file);
    expect(plan.counts).toMatchObject({ new: 0, changed: 2, rejected: 1, conflict: 0 });
    const rejected = plan.rows.filter((r) => r.status === 'rejected').flatMap((r) => r.issues.map((i) => i.text));
    expect(rejected).toEqual([
      `Blad "Monitoring", rij ${submitted.row}, kolom "Antwoord" (F): Deze input is al ingediend; vraag de regio om hem terug te zetten naar concept.`,
    ]);
    expect(plan.rows.filter((r) => r.status === 'changed').flatMap((r) => r.changes.map((x) => x.new))).toEqual(
      expect.arrayContaining(['Ruim 240 studenten in het eerste leerjaar.']),
    );

    const applied = await core.call('exchange.apply', { ...file, sha256: plan.sha256 });
    expect(applied.applied).toBe(2);
    expect(applied.changeSetId).not.toBeNull();
    const answerOf = async (r: { interviewId: string; questionId: string }) =>
      (await core.call('monitoring.interview.get', { id: r.interviewId })).questions.find((q) => q.questionId === r.questionId)!.answer;
    expect(await answerOf(withAnswer)).toBe('Goed; alle colleges registreren het verzuim nu op dezelfde manier.');
    expect(await answerOf(withoutAnswer)).toBe('Ruim 240 studenten in het eerste leerjaar.');
    expect(await answerOf(submitted)).toBe(submitted.answer);
    const history = await core.call('history.recent', { limit: 1 });
    expect(history[0]!.source).toBe(file.fileName);

    // The same file again changes nothing.
    expect((await core.call('exchange.plan', file)).counts).toMatchObject({ changed: 0, new: 0, rejected: 1 });

    // Undo restores the answers; applied again, then the same file once more changes nothing.
    await core.call('history.undo');
    expect(await answerOf(withAnswer)).toBe(withAnswer.answer);
    expect(await answerOf(withoutAnswer)).toBe('');
    const plan2 = await core.call('exchange.plan', file);
    expect(plan2.counts).toMatchObject({ changed: 2, rejected: 1 });
    expect((await core.call('exchange.apply', { ...file, sha256: plan2.sha256 })).applied).toBe(2);
    const last = await core.call('exchange.apply', { ...file, sha256: plan2.sha256 });
    expect(last.applied).toBe(0);
    expect(last.changeSetId).toBeNull();
    expect(await answerOf(withAnswer)).toBe('Goed; alle colleges registreren het verzuim nu op dezelfde manier.');
  });

  it('answers of a submitted input are locked in the sheet; an answer the region changed after the export is a conflict, kept unless the file is chosen', async () => {
    const core = await makeCore({ workspace: false });
    await core.call('workspace.openExample');
    const ROUND = (await core.call('monitoring.round.list', {})).find((r) => r.upcoming)!.name;
    const out = await core.call('exchange.export', { kind: 'partner', partner: PARTNER, round: ROUND, sections: ['monitoring'] });
    const wb = await load(Buffer.from(out.base64, 'base64'));
    const ws = wb.getWorksheet('Monitoring')!;
    const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const answerCol = head.indexOf('Antwoord');
    const rows: { row: number; interviewId: string; questionId: string; status: string }[] = [];
    for (let r = 2; r <= ws.actualRowCount; r++) {
      const [interviewId, questionId] = String(ws.getRow(r).getCell(1).value).split('/') as [string, string];
      rows.push({ row: r, interviewId, questionId, status: (await core.call('monitoring.interview.get', { id: interviewId })).status });
    }
    // A submitted input: its answer cells are locked and not shaded as input; a concept one's are open and yellow.
    const submitted = rows.find((r) => r.status === 'ingediend')!;
    const concept = rows.find((r) => r.status === 'concept')!;
    expect(ws.getRow(submitted.row).getCell(answerCol).protection?.locked).not.toBe(false);
    expect(JSON.stringify(ws.getRow(submitted.row).getCell(answerCol).fill ?? {})).not.toContain('FFFFF8DC');
    expect(ws.getRow(concept.row).getCell(answerCol).protection).toMatchObject({ locked: false });
    expect(JSON.stringify(ws.getRow(concept.row).getCell(answerCol).fill)).toContain('FFFFF8DC');

    // After the export the region changes the concept answer itself; the partner's file changes it too.
    await new Promise((r) => setTimeout(r, 5));
    const current = await core.call('monitoring.interview.get', { id: concept.interviewId });
    await core.call('monitoring.interview.saveAnswers', { id: concept.interviewId, rowVersion: current.rowVersion, answers: [{ questionId: concept.questionId, answer: 'Antwoord van de regio, na de uitvraag.' }] });
    ws.getRow(concept.row).getCell(answerCol).value = 'Antwoord van de partner.';
    const file = { fileName: 'uitvraag ROC monitoring.xlsx', base64: (await save(wb)).toString('base64') };
    const plan = await core.call('exchange.plan', file);
    const conflict = plan.rows.find((r) => r.status === 'conflict')!;
    expect(conflict).toBeTruthy();
    expect(conflict.changes).toEqual([expect.objectContaining({ header: 'Antwoord', old: 'Antwoord van de regio, na de uitvraag.', new: 'Antwoord van de partner.', conflict: true })]);
    const answerOf = async () => (await core.call('monitoring.interview.get', { id: concept.interviewId })).questions.find((q) => q.questionId === concept.questionId)!.answer;
    // Default: keep what the region wrote.
    const kept = await core.call('exchange.apply', { ...file, sha256: plan.sha256 });
    expect(kept.applied).toBe(0);
    expect(await answerOf()).toBe('Antwoord van de regio, na de uitvraag.');
    // Chosen: the file's answer.
    const chosen = await core.call('exchange.apply', { ...file, sha256: plan.sha256, choices: { [conflict.key]: 'file' } });
    expect(chosen.applied).toBe(1);
    expect(await answerOf()).toBe('Antwoord van de partner.');
  });
});
