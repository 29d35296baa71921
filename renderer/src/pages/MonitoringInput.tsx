/**
 * The input for a monitoring interview, per measure (and partner): the questions with answers,
 * the facts panel beside them, and the actions agreed for this measure in this round.
 */
import { LoadError } from '../components/LoadError';
import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { t } from '../i18n';
import { formatDate } from '../format';
import { href } from '../router';
import { LongText } from '../components/Text';
import { ActionForm, ActionTable, BudgetFacts, FactsPanel, InputStatusBadge, ParticipantsFacts, ResultsFacts, type ActionContext } from '../components/MonitoringParts';
import { coded } from '../components/Status';
import { interviewLabel } from './MonitoringRound';
import type { InputQuestion, InputStatus, InterviewDetail, MeasureFacts } from '../../../shared/schemas/monitoring';

/** Facts shown inline at the question on reach and results, and at the question on budget. */
export function InlineFacts({ q, facts }: { q: Pick<InputQuestion, 'facts'>; facts: MeasureFacts }) {
  if (q.facts === 'reach')
    return (
      <div className="inline-facts" aria-label={t('mon.facts.inlineReach')}>
        <div className="inline-facts-title">{t('mon.facts.participants')}</div>
        <ParticipantsFacts facts={facts} />
        <div className="inline-facts-title">{t('mon.facts.results')}</div>
        <ResultsFacts facts={facts} />
      </div>
    );
  if (q.facts === 'budget')
    return (
      <div className="inline-facts" aria-label={t('mon.facts.inlineBudget')}>
        <div className="inline-facts-title">{t('mon.facts.budget')}</div>
        <BudgetFacts facts={facts} />
      </div>
    );
  return null;
}

function Question({ q, n, value, onChange, editable, facts }: { q: InputQuestion; n: number; value: string; onChange(v: string): void; editable: boolean; facts: MeasureFacts }) {
  const id = useId();
  return (
    <li className="question">
      {editable ? (
        <label htmlFor={id} className="question-text">
          <span className="question-number">{n}.</span> {q.text}
        </label>
      ) : (
        <div id={`${id}-q`} className="question-text">
          <span className="question-number">{n}.</span> {q.text}
        </div>
      )}
      {q.reworded && <div className="muted small">{t('mon.input.rewordedNote')}</div>}
      <InlineFacts q={q} facts={facts} />
      {editable ? (
        <textarea id={id} rows={Math.min(10, Math.max(3, value.split('\n').length + 1))} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <div id={id} className="answer-readonly" role="group" aria-labelledby={`${id}-q`}>
          {value.trim() ? <LongText text={value} /> : <span className="muted">{t('mon.report.noAnswer')}</span>}
        </div>
      )}
    </li>
  );
}

export function MonitoringInput({ id }: { id: string }) {
  const { act } = useAct();
  const { data: input, error } = useCall('monitoring.interview.get', { id });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const dirty = Object.keys(answers).some((k) => answers[k] !== saved[k]);
  // The version of the input the answers were typed against: it goes with every save, so answers
  // typed before a colleague's save are refused with the conflict dialog instead of overwriting them.
  const version = useRef(0);
  const edited = useRef(dirty);
  edited.current = dirty;
  const reload = () => {
    setAnswers({});
    setSaved({});
    edited.current = false;
  };

  useEffect(() => {
    if (!input) return;
    const a = Object.fromEntries(input.questions.map((q) => [q.questionId, q.answer]));
    if (!edited.current) version.current = input.rowVersion;
    setSaved(a);
    // Keep what the user is typing when the data reloads (an undo elsewhere), unless nothing was changed.
    setAnswers((cur) => (Object.keys(cur).some((k) => cur[k] !== saved[k]) ? cur : a));
  }, [input]);

  async function save(): Promise<InterviewDetail | null> {
    if (!input) return null;
    const changed = input.questions.filter((q) => (answers[q.questionId] ?? '') !== q.answer).map((q) => ({ questionId: q.questionId, answer: answers[q.questionId] ?? '' }));
    if (changed.length === 0) return input;
    const r = await act((v) => call('monitoring.interview.saveAnswers', { id, rowVersion: v ?? version.current, answers: changed }), {
      done: t('mon.input.saved'),
      reload,
      then: (detail) => {
        version.current = detail.rowVersion;
        edited.current = false;
        // What the core stored (text normalised), so the form is not left looking unsaved.
        const stored = Object.fromEntries(detail.questions.map((q) => [q.questionId, q.answer]));
        setSaved(stored);
        setAnswers(stored);
      },
    });
    return r.ok ? r.value : null;
  }

  useUnsavedChanges(dirty, async () => !!(await save()));

  async function setStatus(status: InputStatus) {
    if (status === 'ingediend' && dirty && !(await save())) return;
    await act((v) => call('monitoring.interview.setStatus', { id, rowVersion: v ?? version.current, status }), {
      reload,
      then: (r) => {
        version.current = r.rowVersion;
      },
      done: status === 'ingediend' ? t('mon.input.submitted') : t('label.statusInput', { name: input ? interviewLabel(input) : '', status: t(`mon.status.${status}`) }),
    });
  }

  if (error) return <LoadError message={error} back={href('monitoring')} />;
  if (!input) return <div className="page" aria-busy="true" />;
  const editable = input.status === 'concept';
  const ctx: ActionContext = {
    roundId: input.round.id,
    roundDate: input.round.startDate,
    measures: [{ id: input.measureId, label: coded(input.measureCode, input.measureName) }],
    activities: input.activities.map((a) => ({ id: a.id, label: coded(a.code, a.name), measureId: input.measureId })),
    indicators: input.indicators.map((i) => ({ id: i.id, label: i.owner ? `${i.name} (${i.owner})` : i.name, measureId: input.measureId })),
  };
  return (
    <div className="page wide">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('monitoring')}>{t('mon.title')}</a> / <a href={href('monitoring', 'ronde', input.round.id)}>{input.round.name}</a> / <span>{interviewLabel(input)}</span>
      </nav>
      <header className="page-head">
        <div>
          <div className="sheet-kind">{t('mon.input.title')}</div>
          <h1>{interviewLabel(input)}</h1>
          <div className="muted">
            {input.round.name} · {formatDate(input.round.startDate)} · <InputStatusBadge status={input.status} />
            {input.submittedAt && ` · ${t('mon.input.submittedOn', { date: formatDate(input.submittedAt.slice(0, 10)) })}`}
          </div>
        </div>
        <div className="actions">
          <a className="button" href={href('afdrukken', 'input', input.id)}>
            {t('mon.input.print')}
          </a>
        </div>
      </header>

      <div className="input-layout">
        <div>
          <section className="card" aria-labelledby="q-h">
            <h2 id="q-h">{t('mon.input.questions')}</h2>
            {editable && <p className="muted small">{t('mon.input.submitHint')}</p>}
            <ol className="questions">
              {input.questions.map((q, i) => (
                <Question
                  key={q.questionId}
                  q={q}
                  n={i + 1}
                  value={answers[q.questionId] ?? ''}
                  onChange={(v) => setAnswers((a) => ({ ...a, [q.questionId]: v }))}
                  editable={editable}
                  facts={input.facts}
                />
              ))}
            </ol>
            <div className="form-actions sticky-actions">
              {editable && (
                <>
                  <button type="button" className="primary" onClick={() => void save()} disabled={!dirty}>
                    {t('mon.input.save')}
                  </button>
                  <button type="button" onClick={() => void setStatus('ingediend')}>
                    {t('mon.input.submit')}
                  </button>
                  {dirty && (
                    <span className="muted small" role="status">
                      {t('mon.input.unsaved')}
                    </span>
                  )}
                </>
              )}
              {input.status === 'ingediend' && (
                <button type="button" className="primary" onClick={() => void setStatus('besproken')}>
                  {t('mon.input.discussed')}
                </button>
              )}
              {!editable && (
                <button type="button" onClick={() => void setStatus('concept')}>
                  {t('mon.input.reopen')}
                </button>
              )}
            </div>
          </section>

          <section className="card" aria-labelledby="att-h">
            <h2 id="att-h">{t('mon.attendees')}</h2>
            {input.attendees.length === 0 ? (
              <p className="muted">{t('mon.attendees.none')}</p>
            ) : (
              <ul className="plain-list">
                {input.attendees.map((a) => (
                  <li key={a.id}>
                    {a.name} <span className="muted">{[a.organisationName, a.function].filter(Boolean).join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
            <a href={href('monitoring', 'ronde', input.round.id)} className="small">
              {t('mon.attendees.manage')}
            </a>
          </section>

          <section className="card" aria-labelledby="act-h">
            <div className="section-head">
              <h2 id="act-h">{t('mon.input.actions')}</h2>
              {!adding && (
                <button type="button" onClick={() => setAdding(true)}>
                  + {t('mon.action.add')}
                </button>
              )}
            </div>
            {adding && <ActionForm ctx={ctx} onDone={() => setAdding(false)} />}
            <ActionTable actions={input.actions} ctx={ctx} showMeasure={false} caption={t('mon.input.actions')} />
          </section>
        </div>
        <FactsPanel facts={input.facts} frozen={input.factsFrozen} frozenAt={input.submittedAt?.slice(0, 10) ?? null} />
      </div>
    </div>
  );
}
