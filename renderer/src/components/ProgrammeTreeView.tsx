/**
 * The programme as a tree: lines -> measures -> activities, with counts and status, filters by
 * partner, target group and status, and reordering within a parent.
 */
import { partnerOptions } from './PartnerPicker';
import { useMemo, useState, type ChangeEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { LoadProblem } from './LoadError';
import { t } from '../i18n';
import { href } from '../router';
import { formatDate } from '../format';
import { coded, ShapeBadge, StatusBadge } from './Status';
import { holdsOneActivity, ITEM_STATUSES, type TreeActivity, type TreeEntity, type TreeMeasure } from '../../../shared/schemas/tree';
import { filterTree, isFiltered, noFilters, targetGroupsIn, type TreeFilters } from '../../../shared/tree-filter';

function ReorderButtons({ entity, ids, index, label }: { entity: TreeEntity; ids: string[]; index: number; label: string }) {
  const { act } = useAct();
  const move = (d: -1 | 1) => {
    const next = [...ids];
    [next[index], next[index + d]] = [next[index + d]!, next[index]!];
    return act(() => call('tree.reorder', { entity, ids: next }), { done: t('tree.reordered') });
  };
  return (
    <span className="reorder">
      <button type="button" className="icon" disabled={index === 0} onClick={() => void move(-1)} aria-label={`${t('action.up')}: ${label}`}>
        ↑
      </button>
      <button type="button" className="icon" disabled={index === ids.length - 1} onClick={() => void move(1)} aria-label={`${t('action.down')}: ${label}`}>
        ↓
      </button>
    </span>
  );
}

function ActivityRow({ a }: { a: TreeActivity }) {
  return (
    <li className="tree-activity">
      <a href={href('activiteiten', a.id)}>{coded(a.code, a.name)}</a>
      <span className="tree-meta">
        <ActivityMeta a={a} />
        <StatusBadge status={a.status} />
      </span>
    </li>
  );
}

function ActivityMeta({ a }: { a: TreeActivity }) {
  return (
    <>
      {a.startDate && (
        <span className="muted small">
          {formatDate(a.startDate)} – {formatDate(a.endDate)}
        </span>
      )}
      {a.subActivities.length > 0 && <span className="muted small">{t('tree.subCount', { n: a.subActivities.length })}</span>}
    </>
  );
}

/** An item that is its own activity: one row at the measure level, opening the activity's page. */
function OwnActivityNode({ m, siblings, index, canReorder }: { m: TreeMeasure; siblings: string[]; index: number; canReorder: boolean }) {
  const label = coded(m.code, m.name);
  const a = m.activities[0];
  return (
    <li className={`tree-measure tree-own tree-own-${m.shape}`}>
      <div className="tree-row">
        <a className="tree-measure-name" href={a ? href('activiteiten', a.id) : href('maatregelen', m.id)}>
          {label}
        </a>
        <span className="tree-meta">
          <ShapeBadge shape={m.shape} />
          {m.plusvoorziening && <span className="badge badge-plus">{t('field.plusvoorziening')}</span>}
          {a && <ActivityMeta a={a} />}
          <StatusBadge status={m.status} />
          {canReorder && <ReorderButtons entity="measure" ids={siblings} index={index} label={label} />}
        </span>
      </div>
    </li>
  );
}

function MeasureNode({ m, shown, filtered, siblings, index, canReorder }: { m: TreeMeasure; shown: TreeActivity[]; filtered: boolean; siblings: string[]; index: number; canReorder: boolean }) {
  const label = coded(m.code, m.name);
  if (holdsOneActivity(m.shape)) return <OwnActivityNode m={m} siblings={siblings} index={index} canReorder={canReorder} />;
  return (
    <li className="tree-measure">
      <div className="tree-row">
        <a className="tree-measure-name" href={href('maatregelen', m.id)}>
          {label}
        </a>
        <span className="tree-meta">
          {m.plusvoorziening && <span className="badge badge-plus">{t('field.plusvoorziening')}</span>}
          <span className="muted small">{filtered ? `${shown.length}/${m.activities.length}` : t('tree.measureCounts', { n: m.activities.length })}</span>
          <StatusBadge status={m.status} />
          {canReorder && <ReorderButtons entity="measure" ids={siblings} index={index} label={label} />}
        </span>
      </div>
      {shown.length > 0 && (
        <ul className="tree-activities">
          {shown.map((a) => (
            <ActivityRow key={a.id} a={a} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function ProgrammeTreeView({ programmeId }: { programmeId: string }) {
  const { data: tree, error } = useCall('tree.get', { programmeId });
  const orgs = useCall('organisation.list');
  const [f, setF] = useState<TreeFilters>(noFilters);
  const filtered = isFiltered(f);
  const targetGroups = useMemo(() => (tree ? targetGroupsIn(tree) : []), [tree]);
  const view = useMemo(() => (tree ? filterTree(tree, f) : null), [tree, f]);

  if (error) return <p className="error-box" role="alert">{error}</p>;
  if (!tree || !view) return <div aria-busy="true" />;

  const lineIds = tree.lines.flatMap((l) => (l.id ? [l.id] : []));
  const select = (k: keyof TreeFilters) => (e: ChangeEvent<HTMLSelectElement>) => setF((x) => ({ ...x, [k]: e.target.value }));

  return (
    <section aria-labelledby="tree-h" className="tree">
      <div className="section-head">
        <h2 id="tree-h">{t('tree.title')}</h2>
        <div className="actions">
          <a className="button" href={href('programmas', programmeId, 'lijn', 'nieuw')}>
            <span aria-hidden="true">+ </span>
            {t('tree.newLine')}
          </a>
          <a className="button" href={href('programmas', programmeId, 'activiteit', 'nieuw')}>
            <span aria-hidden="true">+ </span>
            {t('tree.newActivity')}
          </a>
          <a className="button primary" href={href('programmas', programmeId, 'maatregel', 'nieuw')}>
            <span aria-hidden="true">+ </span>
            {t('tree.newMeasure')}
          </a>
        </div>
      </div>
      <LoadProblem q={orgs} />
      <div className="filters" role="group" aria-label={t('tree.filters')}>
        <label>
          {t('tree.filterPartner')}
          <select value={f.partner} onChange={select('partner')}>
            <option value="">{t('tree.all')}</option>
            {partnerOptions(orgs.data ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tree.filterTargetGroup')}
          <select value={f.targetGroup} onChange={select('targetGroup')}>
            <option value="">{t('tree.all')}</option>
            {targetGroups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tree.filterStatus')}
          <select value={f.status} onChange={select('status')}>
            <option value="">{t('tree.all')}</option>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <>
            <span className="muted small" role="status">
              {t('tree.shown', { shown: view.shownActivities, total: view.totalActivities })}
            </span>
            <button type="button" className="link-button" onClick={() => setF(noFilters)}>
              {t('tree.clearFilters')}
            </button>
          </>
        )}
      </div>
      {tree.lines.length === 0 && <p className="muted">{t('tree.empty')}</p>}
      {filtered && view.lines.length === 0 && <p className="muted">{t('tree.noMatch')}</p>}
      <ol className="tree-lines">
        {view.lines.map(({ line: l, measures }) => {
          const all = l.measures;
          const label = coded(l.code, l.name);
          return (
            <li key={l.id ?? 'none'} className="card tree-line">
              <div className="tree-row tree-line-head">
                <h3>{label}</h3>
                <span className="tree-meta">
                  <span className="muted small">
                    {t('tree.counts', { measures: t('tree.measures', { n: all.filter((m) => m.shape !== 'activity').length }), activities: t('tree.measureCounts', { n: all.reduce((n, m) => n + m.activities.length, 0) }) })}
                  </span>
                  {l.id && (
                    <>
                      <a className="button small-button" href={href('programmas', programmeId, 'lijn', l.id)} aria-label={t('tree.editLineLabel', { name: label })}>
                        {t('tree.editLine')}
                      </a>
                      <a className="button small-button" href={href('programmas', programmeId, 'maatregel', 'nieuw', l.id)} aria-label={t('tree.newMeasureIn', { name: label })}>
                        <span aria-hidden="true">+ </span>
                        {t('entity.measure')}
                      </a>
                      <a className="button small-button" href={href('programmas', programmeId, 'activiteit', 'nieuw', l.id)} aria-label={t('tree.newActivityIn', { name: label })}>
                        <span aria-hidden="true">+ </span>
                        {t('entity.activity')}
                      </a>
                      {!filtered && <ReorderButtons entity="programmeLine" ids={lineIds} index={lineIds.indexOf(l.id)} label={label} />}
                    </>
                  )}
                </span>
              </div>
              {l.description && <p className="muted small line-desc">{l.description}</p>}
              <ul className="tree-measures">
                {measures.map(({ measure: m, activities: shown }) => (
                  <MeasureNode
                    key={m.id}
                    m={m}
                    shown={shown}
                    filtered={filtered}
                    siblings={all.map((x) => x.id)}
                    index={all.findIndex((x) => x.id === m.id)}
                    canReorder={!filtered}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
