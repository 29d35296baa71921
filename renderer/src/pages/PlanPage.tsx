import { useState, type ChangeEvent } from 'react';
import { call } from '../api';
import { useApp } from '../state';
import { useAct } from '../useAct';
import { useCall } from '../useLoad';
import { t, type MessageKey } from '../i18n';
import { download } from '../download';
import { toBase64 } from './ExchangePage';
import { TextField } from '../components/Field';
import { formatDate, parseDateInput } from '../../../shared/dates';
import { PLAN_FIELDS, PLAN_FIELD_NAMES, planFieldLabelKey, type PlanField } from '../../../shared/plan/template';
import { PLAN_LEVELS, emptyChoices, type PlanChoices, type PlanItem, type PlanLevel, type PlanPreview } from '../../../shared/schemas/plan';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const fieldLabel = (f: PlanField) => `${PLAN_FIELDS[f]}. ${t(planFieldLabelKey(f)).replace(/^\d+\.\s*/, '')}`;
const isActivity = (i: PlanItem) => i.kind === 'single' || i.kind === 'activity';
/** The new programme's dates are typed as dd-mm-jjjj, like every date field; the core gets ISO (an unreadable date stays as typed, so the core names the field). */
const newProgrammeIso = (p: { name: string; periodStart: string; periodEnd: string }) => ({ ...p, periodStart: parseDateInput(p.periodStart) ?? p.periodStart, periodEnd: parseDateInput(p.periodEnd) ?? p.periodEnd });
const dateError = (v: string) => (v.trim() && !parseDateInput(v) ? t('val.date') : undefined);

const SPLIT_LEVELS = ['activity', 'measure', 'line'] as const;

/** Places an unplaced (or placed) paragraph under an activity's question, skips it, or splits: a new part starts at it. */
function MoveControl({ blockId, items, onMove, onSplit, label }: {
  blockId: number;
  items: PlanItem[];
  onMove: (blockId: number, item: number | 'skip', field: PlanField) => void;
  onSplit: (blockId: number, level: PlanLevel) => void;
  label: string;
}) {
  const [item, setItem] = useState('');
  const [field, setField] = useState<PlanField>('description');
  const split = item.startsWith('new:') ? (item.slice(4) as PlanLevel) : null;
  return (
    <span className="plan-move">
      <select aria-label={t('plan.page.moveTo', { what: label })} value={item} onChange={(e) => setItem(e.target.value)}>
        <option value="">{t('plan.page.chooseActivity')}</option>
        <option value="skip">{t('plan.page.skipParagraph')}</option>
        {items.filter(isActivity).map((i) => (
          <option key={i.key} value={String(i.blockId)}>
            {[i.code, i.name].filter(Boolean).join(' ')}
          </option>
        ))}
        <optgroup label={t('plan.page.splitGroup')}>
          {SPLIT_LEVELS.map((l) => (
            <option key={l} value={`new:${l}`}>
              {t('plan.page.splitAs', { kind: t(`plan.kind.${l}` as MessageKey).toLowerCase() })}
            </option>
          ))}
        </optgroup>
      </select>
      <select aria-label={t('plan.page.question')} value={field} disabled={item === 'skip' || !!split} onChange={(e) => setField(e.target.value as PlanField)}>
        {PLAN_FIELD_NAMES.filter((f) => f !== 'lineName').map((f) => (
          <option key={f} value={f}>
            {fieldLabel(f)}
          </option>
        ))}
      </select>
      <button type="button" disabled={!item} onClick={() => (split ? onSplit(blockId, split) : onMove(blockId, item === 'skip' ? 'skip' : Number(item), field))}>
        {t('plan.page.place')}
      </button>
    </span>
  );
}

function ItemRow({ item, preview, choices, setLevel, onMove, reimport, ticked, onTick }: {
  item: PlanItem;
  preview: PlanPreview;
  choices: PlanChoices;
  setLevel: (blockId: number, level: PlanLevel | '') => void;
  onMove: (blockId: number, target: number | 'skip', field: PlanField) => void;
  reimport: boolean;
  ticked: boolean;
  onTick: (key: string, on: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const level = choices.levels[String(item.blockId)] ?? '';
  return (
    <li className={`plan-item depth-${item.depth}`} data-testid={`plan-item-${item.code || item.blockId}`}>
      <div className="plan-item-head">
        {reimport && item.status !== 'unchanged' && (
          <input type="checkbox" aria-label={t('plan.page.apply', { name: item.name })} checked={ticked} onChange={(e) => onTick(item.key, e.target.checked)} />
        )}
        <select aria-label={t('plan.page.levelOf', { name: item.name })} value={level || item.kind} onChange={(e) => setLevel(item.blockId, e.target.value === item.kind ? '' : (e.target.value as PlanLevel))}>
          {PLAN_LEVELS.filter((l) => l !== 'merge' || isActivity(item)).map((l) => (
            <option key={l} value={l}>
              {t(`plan.kind.${l}` as MessageKey)}
            </option>
          ))}
        </select>
        <strong>{[item.code, item.name].filter(Boolean).join(' ')}</strong>
        {reimport && <span className={`badge st-${item.status}`}>{t(`exchange.status.${item.status}` as MessageKey)}</span>}
        {item.questions.length > 0 && (
          <span className="plan-questions" aria-label={t('plan.page.questionsFound', { n: item.questions.filter((q) => q.found).length })}>
            {item.questions.map((q) => (
              <span key={q.no} className={q.found ? 'q-found' : 'q-missing'} title={q.found ? q.preview || t('plan.page.emptyAnswer') : t('plan.page.notFound')}>
                {q.no}
              </span>
            ))}
          </span>
        )}
        {item.questions.length > 0 && (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('plan.page.hideText') : t('plan.page.showText')}
          </button>
        )}
      </div>
      {item.issues.map((i) => (
        <p key={i} className="field-error">
          {i}
        </p>
      ))}
      {item.changes.length > 0 && (
        <ul className="plain small">
          {item.changes.map((c, n) => (
            <li key={n}>
              <strong>{c.label}</strong>: <span className="old">{c.old.slice(0, 120) || '—'}</span> → <span className="new">{c.new.slice(0, 120)}</span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <table className="table compact plan-text">
          <tbody>
            {item.placed.map((p) => (
              <tr key={p.blockId}>
                <th scope="row">{fieldLabel(p.field)}</th>
                <td>{p.text}</td>
                <td>
                  <MoveControl blockId={p.blockId} items={preview.items} onMove={onMove} onSplit={setLevel} label={p.text.slice(0, 40)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** Plan (Word): import the region's own plan document with a preview, and export the plan in the template. */
export function PlanPage() {
  const { workspace } = useApp();
  const { act } = useAct();
  const programmes = useCall('programme.list');
  const [busy, setBusy] = useState<string | null>(null);
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [choices, setChoices] = useState<PlanChoices>(emptyChoices());
  const [target, setTarget] = useState('');
  const [newProgramme, setNewProgramme] = useState({ name: '', periodStart: '', periodEnd: '' });
  const [exportId, setExportId] = useState('');
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [done, setDone] = useState<string | null>(null);

  /** One write or read through useAct (the core's Dutch message on failure), with what is running shown. */
  async function run<T>(what: string, fn: () => Promise<T>, done?: (value: T) => string): Promise<T | undefined> {
    setBusy(what);
    try {
      const r = await act(fn, { done });
      return r.ok ? r.value : undefined;
    } finally {
      setBusy(null);
    }
  }

  const recompute = async (f = file, c = choices, programmeId = target) => {
    if (!f) return;
    const p = await run('preview', () => call('plan.preview', { file: f, choices: c, programmeId: programmeId || null }));
    if (!p) return;
    setPreview(p);
    setChoices(c);
    if (!programmeId && !newProgramme.name) setNewProgramme({ name: p.title, periodStart: formatDate(p.periodStart), periodEnd: formatDate(p.periodEnd) });
  };

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    const picked = { fileName: f.name, base64: toBase64(await f.arrayBuffer()) };
    setFile(picked);
    setDone(null);
    setNewProgramme({ name: '', periodStart: '', periodEnd: '' });
    setTicks({});
    setPreview(null);
    await recompute(picked, emptyChoices(), target);
  }

  const setLevel = (blockId: number, level: PlanLevel | '') => {
    const levels = { ...choices.levels };
    if (level) levels[String(blockId)] = level;
    else delete levels[String(blockId)];
    void recompute(file, { ...choices, levels });
  };
  const onMove = (blockId: number, item: number | 'skip', field: PlanField) =>
    void recompute(file, { ...choices, moves: { ...choices.moves, [String(blockId)]: item === 'skip' ? 'skip' : { item, field } } });
  const toggleSuggestion = (id: string, on: boolean) => {
    // Unticking an indicator takes its targets along (a ticked target brings its indicator back).
    const off = new Set([id, ...(preview?.suggestions ?? []).filter((s) => s.indicatorId === id).map((s) => s.id)]);
    void recompute(file, { ...choices, suggestions: on ? [...choices.suggestions, id] : choices.suggestions.filter((s) => !off.has(s)) });
  };

  const reimport = !!preview?.programmeId;
  const ticked = (i: PlanItem) => ticks[i.key] ?? i.status !== 'unchanged';
  async function importNow() {
    if (!file || !preview) return;
    const apply = reimport ? preview.items.filter(ticked).map((i) => i.key) : undefined;
    const r = await run(
      'import',
      () => call('plan.import', { file, choices: { ...choices, apply }, programmeId: target || null, newProgramme: target ? undefined : newProgrammeIso(newProgramme), sha256: preview.sha256, basis: target ? preview.basis : undefined }),
      (x) => t('plan.page.imported', { n: x.applied }),
    );
    if (!r) return;
    setDone(r.programmeId);
    setPreview(null);
    setFile(null);
  }
  async function undo() {
    const r = await run('undo', () => call('exchange.undoImport'), (x) => t('exchange.undone', { label: x.label }));
    if (r) setDone(null);
  }
  async function exportNow() {
    const f = await run('export', () => call('plan.export', { programmeId: exportId }), (x) => t('plan.page.exported', { file: x.fileName }));
    if (f) download(f.fileName, f.base64, DOCX);
  }

  const list = programmes.data ?? [];
  return (
    <div className="page plan-page">
      <header className="page-head">
        <h1>{t('plan.page.title')}</h1>
      </header>
      <p className="muted">{t('plan.page.intro')}</p>

      <section className="card" aria-labelledby="plan-export-h">
        <h2 id="plan-export-h">{t('plan.page.export')}</h2>
        <div className="row">
          <label>
            {t('field.programmeId')}{' '}
            <select value={exportId} onChange={(e) => setExportId(e.target.value)}>
              <option value="">{t('plan.page.chooseProgramme')}</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" disabled={!exportId || busy !== null} onClick={() => void exportNow()}>
            {t('plan.page.exportButton')}
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="plan-import-h">
        <h2 id="plan-import-h">{t('plan.page.import')}</h2>
        <div className="row">
          <label>
            {t('plan.page.into')}{' '}
            <select
              value={target}
              onChange={(e) => {
                setTarget(e.target.value);
                setTicks({});
                void recompute(file, choices, e.target.value);
              }}
            >
              <option value="">{t('plan.page.newProgramme')}</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('plan.page.again', { name: p.name })}
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="file-pick">
            <input id="plan-file" type="file" accept=".docx,.odt,.doc,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text" disabled={!!workspace?.readOnly || busy !== null} onChange={(e) => void pick(e)} />
            <label htmlFor="plan-file" className={`button${workspace?.readOnly || busy !== null ? ' disabled' : ''}`}>
              {t('plan.page.chooseFile')}
            </label>
          </span>
        </div>
        <p className="small muted">{t('plan.page.fileHint')}</p>
        {busy === 'preview' && <p className="muted">{t('plan.page.reading')}</p>}
        {done && (
          <p role="status">
            {t('plan.page.done')}{' '}
            <a href={`#/programmas/${done}`}>{t('plan.page.openProgramme')}</a>{' '}
            <button type="button" onClick={() => void undo()} disabled={busy !== null}>
              {t('plan.page.undo')}
            </button>
          </p>
        )}
      </section>

      {preview && (
        <section className="card" aria-labelledby="plan-preview-h">
          <h2 id="plan-preview-h">{t('plan.page.preview', { file: preview.fileName })}</h2>
          <p>
            {t('plan.cli.summary', {
              file: preview.fileName,
              lines: preview.counts.lines,
              measures: preview.counts.measures,
              activities: preview.counts.activities,
              found: preview.counts.questionsFound,
              total: preview.counts.questionsTotal,
              unplaced: preview.unplaced.length,
            })}
          </p>
          {preview.issues.map((i) => (
            <p key={i} className="field-error" role="alert">
              {i}
            </p>
          ))}
          {!target && (
            <div className="row plan-new-programme">
              <TextField label={t('plan.page.programmeName')} name="programmeName" required value={newProgramme.name} onChange={(v) => setNewProgramme({ ...newProgramme, name: v })} />
              <TextField label={t('field.periodStart')} name="periodStart" required placeholder="dd-mm-jjjj" value={newProgramme.periodStart} error={dateError(newProgramme.periodStart)} onChange={(v) => setNewProgramme({ ...newProgramme, periodStart: v })} />
              <TextField label={t('field.periodEnd')} name="periodEnd" required placeholder="dd-mm-jjjj" value={newProgramme.periodEnd} error={dateError(newProgramme.periodEnd)} onChange={(v) => setNewProgramme({ ...newProgramme, periodEnd: v })} />
            </div>
          )}
          <h3>{t('plan.page.tree')}</h3>
          <ul className="plain plan-tree">
            {preview.items.map((i) => (
              <ItemRow
                key={i.key}
                item={i}
                preview={preview}
                choices={choices}
                setLevel={setLevel}
                onMove={onMove}
                reimport={reimport}
                ticked={ticked(i)}
                onTick={(key, on) => setTicks({ ...ticks, [key]: on })}
              />
            ))}
          </ul>
          {preview.onlyInRegieboek.length > 0 && (
            <>
              <h3>{t('plan.page.onlyInRegieboek')}</h3>
              <ul className="plain small">
                {preview.onlyInRegieboek.map((o, n) => (
                  <li key={n}>{[t(`plan.kind.${o.kind}` as MessageKey), o.code, o.name].filter(Boolean).join(' ')}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('plan.page.unplaced', { n: preview.unplaced.length })}</h3>
          {preview.unplaced.length === 0 ? (
            <p className="muted">{t('plan.page.allPlaced')}</p>
          ) : (
            <table className="table compact">
              <tbody>
                {preview.unplaced.map((u) => (
                  <tr key={u.blockId} data-testid={`unplaced-${u.blockId}`}>
                    <td className="muted small">{u.where}</td>
                    <td>{u.text.slice(0, 200)}</td>
                    <td>
                      <MoveControl blockId={u.blockId} items={preview.items} onMove={onMove} onSplit={setLevel} label={u.text.slice(0, 40)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.suggestions.length > 0 && (
            <>
              <h3>{t('plan.page.suggestions')}</h3>
              <p className="muted small">{t('plan.page.suggestionsHelp')}</p>
              {preview.items
                .filter((i) => preview.suggestions.some((s) => s.itemKey === i.key))
                .map((i) => (
                  <div key={i.key} className="plan-suggestions" data-testid={`suggestions-${i.code || i.blockId}`}>
                    <h4>{[i.code, i.name].filter(Boolean).join(' ')}</h4>
                    <ul className="plain">
                      {preview.suggestions
                        .filter((s) => s.itemKey === i.key)
                        .map((s) => (
                          <li key={s.id} className={s.kind === 'target' && s.indicatorId ? 'indent' : undefined}>
                            <label title={s.source}>
                              <input type="checkbox" checked={s.accepted} disabled={!!s.blocked || busy !== null} onChange={(e) => toggleSuggestion(s.id, e.target.checked)} /> {s.label}
                            </label>
                            {s.blocked && <span className="muted small"> — {s.blocked}</span>}
                          </li>
                        ))}
                    </ul>
                  </div>
                ))}
            </>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy !== null || preview.issues.length > 0} onClick={() => void importNow()}>
              {t('plan.page.importButton')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
