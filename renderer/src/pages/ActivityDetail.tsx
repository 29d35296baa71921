import { useState, type FormEvent } from 'react';
import { useInlineForm } from '../useInlineForm';
import { LoadError } from '../components/LoadError';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t } from '../i18n';
import { go, href } from '../router';
import { ActivitySections } from '../components/ActivitySections';
import { EntityHistory } from '../components/HistoryList';
import { DeleteButton } from '../components/DeleteButton';
import { RowMenu } from '../components/RowMenu';
import { LongText } from '../components/Text';
import { SelectField, TextArea, TextField } from '../components/Field';
import { coded, ShapeBadge } from '../components/Status';
import { LoadProblem } from '../components/LoadError';
import { holdsOneActivity, type Activity, type SubActivity } from '../../../shared/schemas/tree';

interface SubForm {
  number: string;
  name: string;
  period: string;
  intendedResult: string;
}
const emptySub: SubForm = { number: '', name: '', period: '', intendedResult: '' };

function SubActivityForm({ initial, onSave, onCancel }: { initial: SubForm; onSave(f: SubForm): Promise<Record<string, string> | null>; onCancel(): void }) {
  const { f, set, errors, submit } = useInlineForm(initial, onSave);
  return (
    <form className="subform" onSubmit={(e) => void submit(e)} noValidate aria-label={t('entity.subActivity')}>
      <div className="row">
        <TextField label={t('field.number')} name="number" value={f.number} onChange={set('number')} error={errors.number} />
        <TextField label={t('field.name')} name="name" required value={f.name} onChange={set('name')} error={errors.name} />
        <TextField label={t('field.period')} name="period" value={f.period} onChange={set('period')} error={errors.period} placeholder={t('ph.periodExample')} />
      </div>
      <TextArea label={t('field.intendedResult')} name="intendedResult" rows={2} value={f.intendedResult} onChange={set('intendedResult')} error={errors.intendedResult} />
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('action.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function SubActivities({ a }: { a: Activity }) {
  const { act } = useAct();
  const [editing, setEditing] = useState<string | null>(null); // sub-activity id, or 'new'

  async function save(f: SubForm, sub?: SubActivity): Promise<Record<string, string> | null> {
    const r = await act((v) => (sub ? call('subActivity.update', { id: sub.id, rowVersion: v ?? sub.rowVersion, ...f }) : call('subActivity.create', { activityId: a.id, ...f })), {
      done: t('activity.subSaved'),
      then: () => setEditing(null),
      reload: () => setEditing(null),
    });
    return r.ok ? null : r.error.fieldErrors();
  }

  const move = (i: number, d: -1 | 1) => {
    const ids = a.subActivities.map((s) => s.id);
    [ids[i], ids[i + d]] = [ids[i + d]!, ids[i]!];
    void act(() => call('tree.reorder', { entity: 'subActivity', ids }), { done: t('tree.reordered') });
  };

  return (
    <div>
      {a.subActivities.length === 0 && <p className="muted">{t('activity.noSubActivities')}</p>}
      <ol className="sub-list">
        {a.subActivities.map((s, i) =>
          editing === s.id ? (
            <li key={s.id}>
              <SubActivityForm initial={s} onSave={(f) => save(f, s)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s.id} className="sub-item">
              <div className="sub-main">
                <strong>{coded(s.number, s.name)}</strong>
                {s.period && <span className="muted"> · {s.period}</span>}
                {s.intendedResult && (
                  <div className="sub-result">
                    <span className="muted small">{t('field.intendedResult')}: </span>
                    <LongText text={s.intendedResult} />
                  </div>
                )}
              </div>
              {/* Four actions in one compact menu (issue 17: no stack of buttons per row). */}
              <RowMenu
                name={coded(s.number, s.name)}
                actions={[
                  { label: t('action.edit'), onSelect: () => setEditing(s.id) },
                  { label: t('action.up'), onSelect: () => move(i, -1), disabled: i === 0 },
                  { label: t('action.down'), onSelect: () => move(i, 1), disabled: i === a.subActivities.length - 1 },
                  {
                    label: t('action.delete'),
                    danger: true,
                    confirm: { title: t('action.toTrash'), yes: t('action.confirmDelete') },
                    onSelect: () => act((v) => call('subActivity.delete', { id: s.id, rowVersion: v ?? s.rowVersion }), { done: t('activity.subDeleted', { name: coded(s.number, s.name) }), conflict: 'delete' }),
                  },
                ]}
              />
            </li>
          ),
        )}
      </ol>
      {editing === 'new' ? (
        <SubActivityForm initial={{ ...emptySub, number: String(a.subActivities.length + 1) }} onSave={(f) => save(f)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          <span aria-hidden="true">+ </span>
          {t('activity.addSubActivity')}
        </button>
      )}
    </div>
  );
}

/** Targets as one select: the measures (m:<id>), then the programme lines to stand directly under (l:<id>, "l:" for none). */
function MovePanel({ a, onDone }: { a: Activity; onDone(): void }) {
  const { act } = useAct();
  // Lines and measures are all the move needs: the outline, not every activity of the programme.
  const tree = useCall('tree.outline', { programmeId: a.programmeId });
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string>();
  const own = holdsOneActivity(a.measureShape);
  const lines = tree.data?.lines ?? [];
  const options = [
    ...lines.flatMap((l) =>
      l.measures
        .filter((m) => m.id !== a.measureId && !holdsOneActivity(m.shape))
        .map((m) => ({ value: `m:${m.id}`, label: `${coded(m.code, m.name)}${l.id ? ` (${coded(l.code, l.name)})` : ''}` })),
    ),
    ...lines.flatMap((l) => (l.id && !(own && a.measureShape === 'activity' && l.id === a.lineId) ? [{ value: `l:${l.id}`, label: t('activity.moveToLine', { name: coded(l.code, l.name) }) }] : [])),
    ...(own && a.measureShape === 'activity' && !a.lineId ? [] : [{ value: 'l:', label: t('activity.moveToNoLine') }]),
  ];
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!target) return setError(t('val.required'));
    const [kind, targetId] = [target.slice(0, 1), target.slice(2)];
    await act((v) => call('activity.move', kind === 'm' ? { id: a.id, rowVersion: v ?? a.rowVersion, measureId: targetId } : { id: a.id, rowVersion: v ?? a.rowVersion, lineId: targetId || null }), {
      done: (moved) =>
        holdsOneActivity(moved.measureShape)
          ? t('activity.movedToLine', { name: moved.lineName ? coded(moved.lineCode ?? '', moved.lineName) : moved.programmeName })
          : t('activity.moved', { name: coded(moved.measureCode, moved.measureName) }),
      then: onDone,
      failed: (e) => setError(e.message),
      inline: true,
      reload: onDone,
    });
  }
  return (
    <form className="card move-panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('activity.moveForm')}>
      <p className="muted">{t('activity.moveHint')}</p>
      <LoadProblem q={tree} />
      <SelectField label={t('activity.moveTo')} name="measureId" value={target} onChange={setTarget} options={options} placeholder={t('ph.chooseMeasure')} error={error} />
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('action.move')}
        </button>
        <button type="button" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ActivityDetail({ id }: { id: string }) {
  const { act } = useAct();
  const { data: a, error } = useCall('activity.get', { id });
  const [moving, setMoving] = useState(false);

  async function remove() {
    if (!a) return;
    await act((v) => call('activity.delete', { id, rowVersion: v ?? a.rowVersion }), {
      done: t('activity.deleted', { name: coded(a.code, a.name) }),
      conflict: 'delete',
      // An item that is its own activity went to the Prullenbak whole; its programme is where it stood.
      then: () => (holdsOneActivity(a.measureShape) ? go('programmas', a.programmeId) : go('maatregelen', a.measureId)),
    });
  }

  if (error) return <LoadError message={error} back={href('programmas')} />;
  if (!a) return <div className="page" aria-busy="true" />;
  const own = holdsOneActivity(a.measureShape);
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('programmas', a.programmeId)}>{a.programmeName}</a> /{' '}
        {own ? (
          a.lineName && <>{coded(a.lineCode ?? '', a.lineName)} / </>
        ) : (
          <>
            <a href={href('maatregelen', a.measureId)}>{coded(a.measureCode, a.measureName)}</a> /{' '}
          </>
        )}
        <span>{a.code || a.name}</span>
      </nav>
      <header className="page-head">
        <h1>
          {coded(a.code, a.name)} <ShapeBadge shape={a.measureShape} />
        </h1>
        <div className="actions">
          <a className="button" href={href('activiteiten', a.id, 'bewerken')}>
            {t('action.edit')}
          </a>
          {own && (
            <a className="button" href={href('maatregelen', a.measureId, 'bewerken')} aria-label={t('activity.shapeEditLabel', { name: coded(a.code, a.name) })}>
              {t('activity.shapeEdit')}
            </a>
          )}
          {/* While the move form is open its own button moves; one "Verplaatsen" at a time. */}
          {!moving && (
            <button type="button" onClick={() => setMoving(true)}>
              {t('action.move')}
            </button>
          )}
          <a className="button" href={href('resultaten', 'activiteit', a.id)} aria-label={t('results.ofActivity')}>
            {t('nav.results')}
          </a>
          <a className="button" href={href('afdrukken', 'activiteit', a.id)}>
            {t('action.print')}
          </a>
          {own && (
            <a className="button" href={href('begroting', a.programmeId, 'regels', `maatregel=${a.measureId}`)}>
              {t('budget.title')}
            </a>
          )}
          <DeleteButton onConfirm={remove} />
        </div>
      </header>
      {moving && <MovePanel a={a} onDone={() => setMoving(false)} />}
      <ActivitySections a={a} subActivities={<SubActivities a={a} />} />
      <section className="card" aria-labelledby="hist-h">
        <h2 id="hist-h">{t('history.title')}</h2>
        <EntityHistory items={[{ entity: 'activity', id }]} showLabel />
      </section>
    </div>
  );
}
