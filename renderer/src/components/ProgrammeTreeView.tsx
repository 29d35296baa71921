/**
 * The programme as a tree: lines -> measures -> activities, with counts and status, filters by
 * partner, target group and status, and reordering within a parent. The page asks for the outline
 * (lines and measures with counts) and for the activities of the measures that are open; a big
 * region opens closed and shows only the lines on screen (Windowed.tsx).
 */
import { partnerOptions } from './PartnerPicker';
import { useMemo, useState, type ChangeEvent } from 'react';
import { usePageWindow } from './Windowed';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { LoadProblem } from './LoadError';
import { t } from '../i18n';
import { href } from '../router';
import { formatDate } from '../format';
import { coded, ShapeBadge, StatusBadge } from './Status';
import { holdsOneActivity, ITEM_STATUSES, type ItemStatus, type OutlineActivityRow, type OutlineMeasure, type TreeEntity } from '../../../shared/schemas/tree';
import { isFiltered, noFilters, type TreeFilters } from '../../../shared/tree-filter';

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

function ActivityRow({ a }: { a: OutlineActivityRow }) {
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

function ActivityMeta({ a }: { a: OutlineActivityRow }) {
  return (
    <>
      {a.startDate && (
        <span className="muted small">
          {formatDate(a.startDate)} – {formatDate(a.endDate)}
        </span>
      )}
      {a.subCount > 0 && <span className="muted small">{t('tree.subCount', { n: a.subCount })}</span>}
    </>
  );
}

/** An item that is its own activity: one row at the measure level, opening the activity's page. */
function OwnActivityNode({ m, siblings, index, canReorder }: { m: OutlineMeasure; siblings: string[]; index: number; canReorder: boolean }) {
  const label = coded(m.code, m.name);
  const a = m.own;
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

interface MeasureNodeProps {
  m: OutlineMeasure;
  open: boolean;
  onToggle: () => void;
  /** The measure's (matching) activities once loaded; undefined while they load (an open measure has at least one). */
  activities: OutlineActivityRow[] | undefined;
  filtered: boolean;
  siblings: string[];
  index: number;
  canReorder: boolean;
}

function MeasureNode({ m, open, onToggle, activities, filtered, siblings, index, canReorder }: MeasureNodeProps) {
  const label = coded(m.code, m.name);
  if (holdsOneActivity(m.shape)) return <OwnActivityNode m={m} siblings={siblings} index={index} canReorder={canReorder} />;
  const listId = `tree-acts-${m.id}`;
  return (
    <li className="tree-measure">
      <div className="tree-row">
        <span className="tree-measure-head">
          {m.shownCount > 0 && (
            <button type="button" className="icon tree-toggle" aria-expanded={open} aria-controls={open ? listId : undefined} onClick={onToggle} aria-label={t(open ? 'tree.close' : 'tree.open', { name: label })}>
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </button>
          )}
          <a className="tree-measure-name" href={href('maatregelen', m.id)}>
            {label}
          </a>
        </span>
        <span className="tree-meta">
          {m.plusvoorziening && <span className="badge badge-plus">{t('field.plusvoorziening')}</span>}
          <span className="muted small">{filtered ? `${m.shownCount}/${m.activityCount}` : t('tree.measureCounts', { n: m.activityCount })}</span>
          <StatusBadge status={m.status} />
          {canReorder && <ReorderButtons entity="measure" ids={siblings} index={index} label={label} />}
        </span>
      </div>
      {open && m.shownCount > 0 &&
        (activities ? (
          <ul className="tree-activities" id={listId}>
            {activities.map((a) => (
              <ActivityRow key={a.id} a={a} />
            ))}
          </ul>
        ) : (
          <div className="tree-activities muted small" id={listId} aria-busy="true">
            {t('tree.loadingActivities')}
          </div>
        ))}
    </li>
  );
}

/** Up to this many activities the whole tree opens at once (an ordinary region looks as it always did). */
const OPEN_ALL_UP_TO = 150;

type Toggles = { all: boolean | null; one: ReadonlyMap<string, boolean> };

export function ProgrammeTreeView({ programmeId }: { programmeId: string }) {
  const [f, setF] = useState<TreeFilters>(noFilters);
  const filtered = isFiltered(f);
  const filterInput = { ...(f.partner ? { partnerId: f.partner } : {}), ...(f.targetGroup ? { targetGroup: f.targetGroup } : {}), ...(f.status ? { status: f.status as ItemStatus } : {}) };
  const outlineQ = useCall('tree.outline', { programmeId, ...filterInput }, { keepPrevious: true });
  const orgs = useCall('organisation.list');
  const [toggles, setToggles] = useState<Toggles>({ all: null, one: new Map() });
  const tree = outlineQ.data;

  // Filtered, every matching activity shows (as in an ordinary region); a big region opens closed.
  const openByDefault = filtered || (tree?.totalActivities ?? 0) <= OPEN_ALL_UP_TO;
  const isOpen = (id: string) => toggles.one.get(id) ?? toggles.all ?? openByDefault;
  const measures = useMemo(() => tree?.lines.flatMap((l) => l.measures) ?? [], [tree]);
  const openIds = measures.filter((m) => !holdsOneActivity(m.shape) && m.shownCount > 0 && isOpen(m.id)).map((m) => m.id);
  const acts = useCall('tree.activities', { programmeId, measureIds: openIds, ...filterInput }, { enabled: openIds.length > 0, keepPrevious: true });
  const activitiesOf = useMemo(() => {
    const out = new Map<string, OutlineActivityRow[]>();
    for (const a of acts.data ?? []) out.set(a.measureId, [...(out.get(a.measureId) ?? []), a]);
    return out;
  }, [acts.data]);
  const lineWindow = usePageWindow<HTMLOListElement>(tree?.lines.length ?? 0, 140, 16);

  const error = outlineQ.error ?? acts.error;
  if (error) return <p className="error-box" role="alert">{error}</p>;
  if (!tree) return <div aria-busy="true" />;

  const lineIds = tree.lines.flatMap((l) => (l.id ? [l.id] : []));
  const select = (k: keyof TreeFilters) => (e: ChangeEvent<HTMLSelectElement>) => setF((x) => ({ ...x, [k]: e.target.value }));
  const toggle = (id: string) => setToggles((x) => ({ ...x, one: new Map(x.one).set(id, !isOpen(id)) }));
  const setAll = (open: boolean) => setToggles({ all: open, one: new Map() });

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
            {tree.targetGroups.map((g) => (
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
              {t('tree.shown', { shown: tree.shownActivities, total: tree.totalActivities })}
            </span>
            <button type="button" className="link-button" onClick={() => setF(noFilters)}>
              {t('tree.clearFilters')}
            </button>
          </>
        )}
        {measures.length > 0 && (
          <span className="tree-open-all">
            <button type="button" className="link-button" onClick={() => setAll(true)}>
              {t('tree.openAll')}
            </button>
            <button type="button" className="link-button" onClick={() => setAll(false)}>
              {t('tree.closeAll')}
            </button>
          </span>
        )}
      </div>
      {!filtered && tree.lines.length === 0 && <p className="muted">{t('tree.empty')}</p>}
      {filtered && tree.lines.length === 0 && <p className="muted">{t('tree.noMatch')}</p>}
      <ol className="tree-lines" ref={lineWindow.anchor} aria-busy={outlineQ.loading || acts.loading ? 'true' : undefined}>
        {lineWindow.before > 0 && <li aria-hidden="true" style={{ height: lineWindow.before }} />}
        {lineWindow.indexes.map((i) => {
          const l = tree.lines[i]!;
          const all = l.measures;
          const label = coded(l.code, l.name);
          return (
            <li key={l.id ?? 'none'} className="card tree-line" data-index={i} ref={lineWindow.measure}>
              <div className="tree-row tree-line-head">
                <h3>{label}</h3>
                <span className="tree-meta">
                  <span className="muted small">
                    {t('tree.counts', { measures: t('tree.measures', { n: all.filter((m) => m.shape !== 'activity').length }), activities: t('tree.measureCounts', { n: all.reduce((n, m) => n + m.activityCount, 0) }) })}
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
                {all.map((m, j) => (
                  <MeasureNode
                    key={m.id}
                    m={m}
                    open={isOpen(m.id)}
                    onToggle={() => toggle(m.id)}
                    activities={activitiesOf.get(m.id)}
                    filtered={filtered}
                    siblings={all.map((x) => x.id)}
                    index={j}
                    canReorder={!filtered}
                  />
                ))}
              </ul>
            </li>
          );
        })}
        {lineWindow.after > 0 && <li aria-hidden="true" style={{ height: lineWindow.after }} />}
      </ol>
    </section>
  );
}
