/**
 * Printable monitoring documents in the shape of the real ones: "Input voor monitoringgesprek" per
 * measure (and partner), and the round's "Verslag" (attendees, the action list as "Actie/Afspraak"
 * / "Door", then per measure the answers and the facts). Shown without the menu; the browser
 * prints, the desktop shell can save as PDF.
 */
import { useEffect } from 'react';
import { call } from '../api';
import { useCall, useLoad } from '../useLoad';
import { useToday } from '../state';
import { t } from '../i18n';
import { formatDate } from '../format';
import { href } from '../router';
import { LongText } from '../components/Text';
import { actionStatusLabel, BudgetFacts, inputStatusLabel, OpenActionsFacts, owner, ParticipantsFacts, ResultsFacts } from '../components/MonitoringParts';
import { InlineFacts } from './MonitoringInput';
import { interviewLabel } from './MonitoringRound';
import type { Action, InterviewDetail } from '../../../shared/schemas/monitoring';

function Toolbar({ back }: { back: string }) {
  return (
    <div className="print-toolbar no-print">
      <a className="button" href={back}>
        ← {t('print.back')}
      </a>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('action.print')}
      </button>
    </div>
  );
}

function useTitle(title: string | null) {
  useEffect(() => {
    if (title) document.title = title;
    return () => {
      document.title = t('app.name');
    };
  }, [title]);
}

function InputBody({ input, level = 2 }: { input: InterviewDetail; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <ol className="sheet-questions">
        {input.questions.map((q) => (
          <li key={q.questionId}>
            <H className="sheet-question">{q.text}</H>
            <InlineFacts q={q} facts={input.facts} />
            {q.answer.trim() ? <LongText text={q.answer} /> : <p className="muted">{t('mon.report.noAnswer')}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

export function InputSheet({ id }: { id: string }) {
  const today = formatDate(useToday());
  const { data: input, error } = useCall('monitoring.interview.get', { id });
  useTitle(input ? `${t('mon.print.inputTitle')} ${interviewLabel(input)}` : null);
  if (error) return <p className="error-box">{error}</p>;
  if (!input) return <div aria-busy="true" />;
  return (
    <div className="sheet">
      <Toolbar back={href('monitoring', 'input', input.id)} />
      <header className="sheet-head">
        <div className="sheet-kind">{t('mon.print.inputTitle')}</div>
        <h1>{interviewLabel(input)}</h1>
        <div className="sheet-meta">
          {input.round.programmeName} · {input.round.name} ({formatDate(input.round.startDate)}) · {inputStatusLabel(input.status)} · {t('print.printed', { date: today })}
        </div>
      </header>
      <p className="small muted">{input.factsFrozen ? t('mon.input.frozenFacts', { date: formatDate(input.submittedAt?.slice(0, 10)) }) : t('mon.input.liveFacts', { date: formatDate(input.facts.asOf) })}</p>
      <InputBody input={input} />
      {/* The actions agreed for this measure in this round, as on the screen (not only in the Verslag). */}
      <section className="sheet-section">
        <h2>{t('mon.input.actions')}</h2>
        <ActionListTable actions={input.actions} caption={t('mon.input.actions')} />
      </section>
      <section className="sheet-section">
        <h2>{t('mon.facts.openActions')}</h2>
        <OpenActionsFacts facts={input.facts} />
      </section>
    </div>
  );
}

function ActionListTable({ actions, caption }: { actions: Action[]; caption: string }) {
  if (actions.length === 0) return <p className="muted">{t('mon.action.none')}</p>;
  return (
    <table className="sheet-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">{t('mon.action.text')}</th>
          <th scope="col">{t('mon.action.owner')}</th>
          <th scope="col">{t('mon.action.deadline')}</th>
          <th scope="col">{t('mon.action.status')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a, i) => (
          <tr key={a.id}>
            <td className="num">{i + 1}.</td>
            <td>
              {a.text}
              <div className="small muted">{[a.measureCode, a.measureName].filter(Boolean).join(' ')}</div>
            </td>
            <td>{owner(a)}</td>
            <td className="nowrap">
              {a.deadline ? formatDate(a.deadline) : '—'}
              {a.overdue && (
                <div className="small">
                  <span aria-hidden="true">⚠ </span>
                  {t('mon.action.overdue')}
                </div>
              )}
            </td>
            <td>{actionStatusLabel(a.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RoundReport({ id }: { id: string }) {
  const today = formatDate(useToday());
  const { data, error } = useLoad(['monitoring.roundReport', id], async () => {
    const round = await call('monitoring.round.get', { id });
    const inputs = await Promise.all(round.interviews.map((i) => call('monitoring.interview.get', { id: i.id })));
    return { round, inputs };
  });
  useTitle(data ? t('mon.report.title', { name: data.round.name }) : null);
  if (error) return <p className="error-box">{error}</p>;
  if (!data) return <div aria-busy="true" />;
  const { round, inputs } = data;
  // Attendees once per person, grouped by organisation, as in the minutes.
  const byOrg = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const i of round.interviews)
    for (const a of i.attendees) {
      const key = `${a.name}|${a.organisationName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const org = a.organisationName || '—';
      byOrg.set(org, [...(byOrg.get(org) ?? []), a.function ? `${a.name} (${a.function})` : a.name]);
    }
  return (
    <div className="sheet">
      <Toolbar back={href('monitoring', 'ronde', round.id)} />
      <header className="sheet-head">
        <div className="sheet-kind">{t('mon.round.report')}</div>
        <h1>{round.name}</h1>
        <div className="sheet-meta">
          {round.programmeName} · {formatDate(round.startDate)}
          {round.endDate && round.endDate !== round.startDate && ` – ${formatDate(round.endDate)}`} · {t('print.printed', { date: today })}
        </div>
      </header>
      <section className="sheet-section">
        <h2>{t('mon.attendees')}</h2>
        {byOrg.size === 0 ? (
          <p className="muted">{t('mon.attendees.none')}</p>
        ) : (
          <table className="sheet-facts">
            <tbody>
              {[...byOrg.entries()].map(([org, people]) => (
                <tr key={org}>
                  <th scope="row">{org}</th>
                  <td>{people.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="sheet-section">
        <h2>{t('mon.report.actions')}</h2>
        <ActionListTable actions={round.actions} caption={t('mon.report.actions')} />
      </section>
      {round.agenda.length > 0 && (
        <section className="sheet-section">
          <h2>{t('mon.round.agenda')}</h2>
          <ActionListTable actions={round.agenda} caption={t('mon.round.agenda')} />
        </section>
      )}
      <h2 className="sheet-section sheet-measures-title">{t('mon.report.perMeasure')}</h2>
      {inputs.map((input) => (
        <section key={input.id} className="sheet-measure">
          <h2 className="sheet-activity-title">{interviewLabel(input)}</h2>
          <div className="sheet-meta">{inputStatusLabel(input.status)}</div>
          <h3>{t('mon.facts.participants')}</h3>
          <ParticipantsFacts facts={input.facts} />
          <h3>{t('mon.facts.results')}</h3>
          <ResultsFacts facts={input.facts} />
          <h3>{t('mon.facts.budget')}</h3>
          <BudgetFacts facts={input.facts} />
          <InputBody input={{ ...input, questions: input.questions.map((q) => ({ ...q, facts: null })) }} level={3} />
        </section>
      ))}
    </div>
  );
}
