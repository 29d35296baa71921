import { LoadError, LoadProblem } from '../components/LoadError';
import { DeleteButton } from '../components/DeleteButton';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t, type MessageKey } from '../i18n';
import { formatCents, formatDate } from '../format';
import { go, href } from '../router';
import { LongText } from '../components/Text';
import { EntityHistory } from '../components/HistoryList';
import { ProgrammeTreeView } from '../components/ProgrammeTreeView';

export function ProgrammeDetail({ id }: { id: string }) {
  const { act } = useAct();
  const { data: p, error } = useCall('programme.get', { id });
  const orgs = useCall('organisation.list');
  const orgName = (orgId: string | null) => (orgId && orgs.data?.find((o) => o.id === orgId)?.name) || '—';

  async function remove() {
    if (!p) return;
    await act((v) => call('programme.delete', { id, rowVersion: v ?? p.rowVersion }), { done: t('programme.deleted', { name: p.name }), conflict: 'delete', then: () => go('programmas') });
  }

  if (error) return <LoadError message={error} back={href('programmas')} />;
  if (!p) return <div className="page" aria-busy="true" />;
  const money = (c: number | null) => (c === null ? '—' : formatCents(c));
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('programmas')}>{t('nav.programmes')}</a> / <span>{p.name}</span>
      </nav>
      <header className="page-head">
        <h1>{p.name}</h1>
        <div className="actions">
          <a className="button" href={href('programmas', p.id, 'bewerken')}>
            {t('action.edit')}
          </a>
          <a className="button" href={href('begroting', p.id)}>
            {t('budget.title')}
          </a>
          <a className="button" href={href('resultaten', p.id)} aria-label={t('results.ofProgramme')}>
            {t('nav.results')}
          </a>
          <DeleteButton onConfirm={remove} />
        </div>
      </header>
      <LoadProblem q={orgs} />
      <dl className="facts">
        <div>
          <dt>{t('programme.period')}</dt>
          <dd>
            {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
          </dd>
        </div>
        <div>
          <dt>{t('field.status')}</dt>
          <dd>
            <span className={`badge badge-${p.status}`}>{t(`status.${p.status}` as MessageKey)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('field.requestedCents')}</dt>
          <dd className="num">{money(p.requestedCents)}</dd>
        </div>
        <div>
          <dt>{t('field.awardedCents')}</dt>
          <dd className="num">{money(p.awardedCents)}</dd>
        </div>
      </dl>
      <dl className="facts facts-2">
        <div>
          <dt>{t('field.contactSchoolId')}</dt>
          <dd>{p.contactSchoolId ? <a href={href('partners', p.contactSchoolId)}>{orgName(p.contactSchoolId)}</a> : '—'}</dd>
        </div>
        <div>
          <dt>{t('field.contactMunicipalityId')}</dt>
          <dd>{p.contactMunicipalityId ? <a href={href('partners', p.contactMunicipalityId)}>{orgName(p.contactMunicipalityId)}</a> : '—'}</dd>
        </div>
      </dl>
      <ProgrammeTreeView programmeId={p.id} />
      <div className="grid-2 wide-left">
        <div>
          <section className="card">
            <h2>{t('field.analysis')}</h2>
            <LongText text={p.analysis} />
          </section>
          <section className="card">
            <h2>{t('field.notes')}</h2>
            <LongText text={p.notes} />
          </section>
        </div>
        <section className="card" aria-labelledby="hist-h">
          <h2 id="hist-h">{t('history.title')}</h2>
          <EntityHistory items={[{ entity: 'programme', id }]} />
        </section>
      </div>
    </div>
  );
}
