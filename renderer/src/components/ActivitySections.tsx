/**
 * The standard activity description, questions 1-11 in plan order. Used by the activity page and
 * by the printable Activiteitenblad, so both always show the same answers.
 */
import { formatCount, sumParticipants } from '../../../shared/participants';
import { useId, type ReactNode } from 'react';
import type { Activity } from '../../../shared/schemas/tree';
import { t, type MessageKey } from '../i18n';
import { formatDate } from '../format';
import { LongText } from './Text';
import { coded, StatusBadge } from './Status';

function Part({ field, text }: { field: MessageKey; text: string }) {
  return (
    <>
      <h3>{t(field)}</h3>
      <LongText text={text} />
    </>
  );
}

function Section({ n, children, extra }: { n: number; children: ReactNode; extra?: ReactNode }) {
  const id = useId();
  return (
    <section className="card template-section" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{t(`activity.s${n}` as MessageKey)}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}

export function SubActivityTable({ a, withResult = true }: { a: Activity; withResult?: boolean }) {
  if (a.subActivities.length === 0) return <p className="muted">{t('activity.noSubActivities')}</p>;
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">{t('field.number')}</th>
          <th scope="col">{t('field.name')}</th>
          <th scope="col">{t('field.period')}</th>
          {withResult && <th scope="col">{t('field.intendedResult')}</th>}
        </tr>
      </thead>
      <tbody>
        {a.subActivities.map((s) => (
          <tr key={s.id}>
            <td>{s.number}</td>
            <td>{s.name}</td>
            <td>{s.period || '—'}</td>
            {withResult && (
              <td>
                <LongText text={s.intendedResult} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ParticipantsTable({ a }: { a: Activity }) {
  if (a.plannedParticipants.length === 0) return <p className="muted">—</p>;
  const { total } = sumParticipants([a.plannedParticipants]);
  const n = formatCount;
  return (
    <table className="table compact narrow-table">
      <thead>
        <tr>
          <th scope="col">{t('field.schoolYear')}</th>
          <th scope="col" className="num">
            {t('field.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {a.plannedParticipants.map((p) => (
          <tr key={p.schoolYear}>
            <td>{p.schoolYear}</td>
            <td className="num">{n(p.count)}</td>
          </tr>
        ))}
        <tr className="total">
          <th scope="row">{t('activity.total')}</th>
          <td className="num">{n(total)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function ActivitySections({ a, subActivities, sectionExtra }: { a: Activity; subActivities?: ReactNode; sectionExtra?: Partial<Record<number, ReactNode>> }) {
  const orgs = a.executors.map((o) => o.name).join(', ');
  return (
    <div className="template">
      <Section n={1} extra={sectionExtra?.[1]}>
        <p>{a.lineName ? coded(a.lineCode ?? '', a.lineName) : <span className="muted">{t('activity.noLine')}</span>}</p>
        <p className="muted small">
          {a.measureShape === 'measure' ? t('activity.placeMeasure', { name: coded(a.measureCode, a.measureName) }) : t(`shape.${a.measureShape}`)}
        </p>
      </Section>
      <Section n={2} extra={sectionExtra?.[2]}>
        <p className="activity-name">{coded(a.code, a.name)}</p>
        <dl className="pairs">
          <dt>{t('field.status')}</dt>
          <dd>
            <StatusBadge status={a.status} />
          </dd>
          <dt>{t('field.leadOrganisationId')}</dt>
          <dd>{a.lead?.name ?? '—'}</dd>
          <dt>{t('field.executorIds')}</dt>
          <dd>{orgs || '—'}</dd>
        </dl>
      </Section>
      <Section n={3}>
        <LongText text={a.description} />
      </Section>
      <Section n={4}>
        <LongText text={a.aim} />
      </Section>
      <Section n={5}>
        <dl className="pairs">
          <dt>{t('field.startDate')}</dt>
          <dd>{formatDate(a.startDate) || '—'}</dd>
          <dt>{t('field.endDate')}</dt>
          <dd>{formatDate(a.endDate) || '—'}</dd>
        </dl>
        {a.warnings.length > 0 && (
          <div className="warning-box" role="note" aria-label={t('activity.warnings')}>
            {a.warnings.map((w) => (
              <p key={w.field}>⚠ {w.message}</p>
            ))}
          </div>
        )}
        <LongText text={a.durationNote} />
      </Section>
      <Section n={6} extra={sectionExtra?.[6]}>
        {subActivities ?? <SubActivityTable a={a} />}
      </Section>
      <Section n={7}>
        <SubActivityTable a={a} withResult={false} />
        <LongText text={a.subActivitiesDuration} empty="" />
      </Section>
      <Section n={8}>
        <h3>{t('field.targetGroups')}</h3>
        {a.targetGroups.length ? (
          <ul className="tags">
            {a.targetGroups.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">—</p>
        )}
        <Part field="field.targetGroupNeed" text={a.targetGroupNeed} />
        <h3>{t('field.plannedParticipants')}</h3>
        <ParticipantsTable a={a} />
      </Section>
      <Section n={9}>
        <Part field="field.lookBackEarlier" text={a.lookBackEarlier} />
        <Part field="field.lookBackAimReached" text={a.lookBackAimReached} />
      </Section>
      <Section n={10}>
        <Part field="field.resultsGeneral" text={a.resultsGeneral} />
        <Part field="field.resultsPerSubActivity" text={a.resultsPerSubActivity} />
        <Part field="field.resultsVsvContribution" text={a.resultsVsvContribution} />
        <Part field="field.resultsResponsible" text={a.resultsResponsible} />
        <Part field="field.measurementMoments" text={a.measurementMoments} />
        <Part field="field.indicatorsMonitoring" text={a.indicatorsMonitoring} />
        <Part field="field.organisationStructure" text={a.organisationStructure} />
      </Section>
      <Section n={11}>
        <Part field="field.sustainabilityHow" text={a.sustainabilityHow} />
        <Part field="field.sustainabilityWho" text={a.sustainabilityWho} />
        <h3>{t('field.sustainabilityFrom')}</h3>
        <p>{a.sustainabilityFrom || '—'}</p>
      </Section>
    </div>
  );
}
