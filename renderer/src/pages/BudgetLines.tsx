import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { useToday } from '../state';
import { useNotify } from '../notify';
import { LoadProblem } from '../components/LoadError';
import { t, type MessageKey } from '../i18n';
import { formatCents, formatDate } from '../format';
import { go } from '../router';
import { SelectField, TextArea, TextField } from '../components/Field';
import { CheckField } from '../components/Check';
import { Money, OverFlag, pct } from '../components/Money';
import { budgetHref, filterParts, type Filter } from './budgetRoute';
import { Pager, pageOf } from '../components/Pager';
import { centsToInput, parseMoney } from '../../../shared/money';
import { parseDateInput, dateError } from '../../../shared/dates';
import { COST_KINDS, FUNDING_SOURCES, RESERVE_CATEGORY, SPENDING_CATEGORIES, SPEND_KINDS } from '../../../shared/budget/model';
import type { BudgetLine, BudgetLineInput, BudgetOverview, Spend, SpendInput } from '../../../shared/schemas/budget';
import type { TreeOutline } from '../../../shared/schemas/tree';

const measureLabel = (m: { code: string; name: string }) => [m.code, m.name].filter(Boolean).join(' ');

function measuresOf(tree: TreeOutline | undefined) {
  return (tree?.lines ?? []).flatMap((l) => l.measures);
}

// ---- Budget line form

interface LineState {
  measureId: string;
  activityId: string;
  year: string;
  costItem: string;
  kind: string;
  fte: string;
  hours: string;
  fundingSource: string;
  category: string;
  management: boolean;
  partnerId: string;
  inKind: boolean;
  planned: string;
  notes: string;
}

const emptyLine = (measureId: string, year: number): LineState => ({
  measureId,
  activityId: '',
  year: String(year),
  costItem: '',
  kind: 'personeel',
  fte: '',
  hours: '',
  fundingSource: '',
  category: '',
  management: false,
  partnerId: '',
  inKind: false,
  planned: '',
  notes: '',
});

function fromLine(l: BudgetLine): LineState {
  return {
    measureId: l.measureId,
    activityId: l.activityId ?? '',
    year: String(l.year),
    costItem: l.costItem,
    kind: l.kind,
    fte: l.fte === null ? '' : String(l.fte).replace('.', ','),
    hours: l.hours === null ? '' : String(l.hours),
    fundingSource: l.fundingSource,
    category: l.category,
    management: l.management,
    partnerId: l.partnerId ?? '',
    inKind: l.inKind,
    planned: centsToInput(l.plannedCents),
    notes: l.notes,
  };
}

/** What can be checked here is checked here (with the field named); the core checks it all again. */
function toLineInput(f: LineState): { input?: BudgetLineInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!f.measureId) errors.measureId = t('val.required');
  const year = /^\d{4}$/.test(f.year.trim()) ? Number(f.year.trim()) : NaN;
  if (Number.isNaN(year)) errors.year = t('val.year');
  if (!f.costItem.trim()) errors.costItem = t('val.required');
  if (!f.fundingSource) errors.fundingSource = t('val.choice');
  if (!f.category) errors.category = t('val.choice');
  const fte = f.fte.trim() === '' ? null : Number(f.fte.trim().replace(',', '.'));
  if (fte !== null && (Number.isNaN(fte) || fte < 0)) errors.fte = t('val.number');
  const hours = f.hours.trim() === '' ? null : Number(f.hours.trim());
  if (hours !== null && (!Number.isInteger(hours) || hours < 0)) errors.hours = t('val.wholeNumber');
  const money = parseMoney(f.planned, { allowNegative: f.category === RESERVE_CATEGORY });
  if (!money.ok) errors.plannedCents = money.message;
  if (Object.keys(errors).length || !money.ok) return { errors };
  return {
    errors,
    input: {
      measureId: f.measureId,
      activityId: f.activityId || null,
      year,
      costItem: f.costItem,
      kind: f.kind as BudgetLineInput['kind'],
      fte,
      hours,
      fundingSource: f.fundingSource as BudgetLineInput['fundingSource'],
      category: f.category as BudgetLineInput['category'],
      management: f.management,
      partnerId: f.partnerId || null,
      inKind: f.inKind,
      plannedCents: money.cents,
      notes: f.notes,
    },
  };
}

function LineForm(props: { line?: BudgetLine; initial: LineState; tree: TreeOutline | undefined; partners: { id: string; name: string }[]; onDone(saved?: BudgetLine): void }) {
  const notify = useNotify();
  const { act, busy } = useAct();
  const [f, setF] = useState<LineState>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof LineState>(k: K) => (v: LineState[K]) => setF((x) => ({ ...x, [k]: v }));
  const measures = measuresOf(props.tree);
  // Only the chosen measure's activities are asked for: the whole tree is megabytes in a big region.
  const acts = useCall('tree.activities', { programmeId: props.tree?.id ?? '', measureIds: [f.measureId] }, { enabled: !!props.tree && !!f.measureId });
  const activities = f.measureId ? (acts.data ?? []) : [];
  // A partner the line already has stays choosable, also when it has gone to the Prullenbak.
  const keep = props.line?.partnerId && !props.partners.some((p) => p.id === props.line!.partnerId) ? [{ id: props.line.partnerId, name: props.line.partnerName ?? props.line.partnerId }] : [];
  const partnerOptions = [...props.partners, ...keep].map((p) => ({ value: p.id, label: p.name }));

  /** True when saved (the form closes); false: refused, the form says why. */
  async function save(): Promise<boolean> {
    const { input, errors: errs } = toLineInput(f);
    setErrors(errs);
    if (!input) {
      notify(t('val.fixFields'), 'error');
      return false;
    }
    const { line } = props;
    const r = await act((v) => (line ? call('budgetLine.update', { id: line.id, rowVersion: v ?? line.rowVersion, ...input }) : call('budgetLine.create', input)), {
      done: t('budget.lineSaved'),
      failed: (err) => setErrors(err.fieldErrors()),
      reload: () => props.onDone(line),
    });
    if (!r.ok) return false;
    unsaved.saved();
    props.onDone(r.value);
    return true;
  }
  const unsaved = useUnsavedChanges(JSON.stringify(f) !== JSON.stringify(props.initial), save);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await save();
  }

  const title = props.line ? t('budget.editLine') : t('budget.newLine');
  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="row">
        <SelectField label={t('field.measureId')} name="measureId" required value={f.measureId} onChange={(v) => setF((x) => ({ ...x, measureId: v, activityId: '' }))} error={errors.measureId} placeholder={t('budget.choose')} options={measures.map((m) => ({ value: m.id, label: measureLabel(m) }))} />
        <SelectField label={t('field.activityId')} name="activityId" value={f.activityId} onChange={set('activityId')} error={errors.activityId} placeholder={t('budget.noActivity')} options={activities.map((a) => ({ value: a.id, label: measureLabel(a) }))} />
        <TextField label={t('field.year')} name="year" required value={f.year} onChange={set('year')} error={errors.year} inputMode="numeric" placeholder="2026" />
      </div>
      <div className="row">
        <TextField label={t('field.costItem')} name="costItem" required value={f.costItem} onChange={set('costItem')} error={errors.costItem} placeholder={t('budget.costItemPlaceholder')} />
        <SelectField label={t('budget.field.kind')} name="kind" value={f.kind} onChange={set('kind')} error={errors.kind} options={COST_KINDS.map((k) => ({ value: k, label: t(`costKind.${k}`) }))} />
        <TextField label={t('field.fte')} name="fte" value={f.fte} onChange={set('fte')} error={errors.fte} inputMode="decimal" placeholder="0,4" />
        <TextField label={t('field.hours')} name="hours" value={f.hours} onChange={set('hours')} error={errors.hours} inputMode="numeric" />
      </div>
      <div className="row">
        <SelectField label={t('field.fundingSource')} name="fundingSource" required value={f.fundingSource} onChange={set('fundingSource')} error={errors.fundingSource} placeholder={t('budget.choose')} options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))} />
        <SelectField label={t('field.category')} name="category" required value={f.category} onChange={set('category')} error={errors.category} placeholder={t('budget.choose')} options={SPENDING_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        <SelectField label={t('field.partnerId')} name="partnerId" value={f.partnerId} onChange={set('partnerId')} error={errors.partnerId} placeholder={t('budget.noPartnerOption')} options={partnerOptions} />
      </div>
      <div className="row">
        <TextField label={t('field.plannedCents')} name="plannedCents" required value={f.planned} onChange={set('planned')} error={errors.plannedCents} inputMode="decimal" placeholder={t('budget.moneyPlaceholder')} hint={f.category === RESERVE_CATEGORY ? t('budget.negativeHint') : t('budget.moneyHint')} />
        <div className="field checks">
          <CheckField label={t('budget.inKindLabel')} name="inKind" checked={f.inKind} onChange={set('inKind')} />
          <CheckField label={t('budget.managementLabel')} name="management" checked={f.management} onChange={set('management')} />
        </div>
      </div>
      <TextArea label={t('field.notes')} name="notes" rows={2} value={f.notes} onChange={set('notes')} error={errors.notes} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{t('action.save')}</button>
        <button type="button" onClick={() => props.onDone()}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}

// ---- Spend of one line

interface SpendState {
  kind: string;
  date: string;
  amount: string;
  description: string;
  reference: string;
}
const emptySpend: SpendState = { kind: 'entry', date: '', amount: '', description: '', reference: '' };

function toSpendInput(line: BudgetLine, f: SpendState): { input?: SpendInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = f.kind === 'year_total' ? null : parseDateInput(f.date);
  if (f.kind !== 'year_total' && !date) errors.date = f.date.trim() ? dateError(f.date) : t('val.spendDate');
  const money = parseMoney(f.amount, { allowNegative: f.kind === 'correction' || line.category === RESERVE_CATEGORY });
  if (!money.ok) errors.amountCents = money.message.startsWith('Een negatief') ? t('val.negativeSpend') : money.message;
  if (Object.keys(errors).length || !money.ok) return { errors };
  return { errors, input: { budgetLineId: line.id, kind: f.kind as SpendInput['kind'], date, amountCents: money.cents, description: f.description, reference: f.reference } };
}

function SpendPanel({ programmeId, line }: { programmeId: string; line: BudgetLine }) {
  const notify = useNotify();
  const { act } = useAct();
  const spend = useCall('spend.list', { programmeId, budgetLineId: line.id });
  const data = spend.data;
  const [f, setF] = useState<SpendState>(emptySpend);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [editingVersion, setEditingVersion] = useState(0); // the version of the entry being edited, sent with the save
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof SpendState) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const name = line.costItem;

  function edit(s: Spend) {
    setEditingId(s.id);
    setEditingVersion(s.rowVersion);
    setErrors({});
    setF({ kind: s.kind, date: s.date ? formatDate(s.date) : '', amount: centsToInput(s.amountCents), description: s.description, reference: s.reference });
  }
  function stopEditing() {
    setEditingId(null);
    setErrors({});
    setF(emptySpend);
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const { input, errors: errs } = toSpendInput(line, f);
    setErrors(errs);
    if (!input) return notify(t('val.fixFields'), 'error');
    const { budgetLineId: _line, ...patch } = input;
    await act((v) => (editingId ? call('spend.update', { id: editingId, rowVersion: v ?? editingVersion, ...patch }) : call('spend.create', input)), {
      done: t('budget.spendSaved'),
      then: stopEditing,
      failed: (err) => setErrors(err.fieldErrors()),
      reload: stopEditing,
    });
  }
  const remove = (s: Spend) => act((v) => call('spend.delete', { id: s.id, rowVersion: v ?? s.rowVersion }), { done: t('budget.spendDeleted'), conflict: 'delete' });

  return (
    <div className="spend-panel">
      <h3>{t('budget.spendFor', { name })}</h3>
      <LoadProblem q={spend} />
      {data && data.length === 0 && <p className="muted small">{t('budget.noSpend')}</p>}
      {data && data.length > 0 && (
        <table className="table compact" aria-label={t('budget.spendFor', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('budget.field.date')}</th>
              <th scope="col">{t('budget.field.kind')}</th>
              <th scope="col">{t('field.description')}</th>
              <th scope="col">{t('field.reference')}</th>
              <th scope="col" className="num">{t('field.amountCents')}</th>
              <th scope="col"><span className="sr-only">{t('action.delete')}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td>{s.date ? formatDate(s.date) : t('budget.yearTotalNoDate')}</td>
                <td>{t(`spendKind.${s.kind}` as MessageKey)}</td>
                <td>{s.description}</td>
                <td>{s.reference}</td>
                <td className="num"><Money cents={s.amountCents} /></td>
                <td className="num nowrap">
                  <button type="button" className="link-button" onClick={() => edit(s)} aria-label={`${t('action.edit')}: ${s.description || formatCents(s.amountCents)}`}>
                    {t('action.edit')}
                  </button>{' '}
                  <button type="button" className="link-button" onClick={() => void remove(s)} aria-label={`${t('action.delete')}: ${s.description || formatCents(s.amountCents)}`}>
                    {t('action.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="spend-form" onSubmit={(e) => void add(e)} noValidate aria-label={editingId ? t('budget.editSpend') : t('budget.addSpend')}>
        {editingId && <h3>{t('budget.editSpend')}</h3>}
        <div className="row">
          <SelectField label={t('budget.field.kind')} name="kind" value={f.kind} onChange={set('kind')} error={errors.kind} options={SPEND_KINDS.map((k) => ({ value: k, label: t(`spendKind.${k}`) }))} />
          {f.kind !== 'year_total' && <TextField label={t('budget.field.date')} name="date" value={f.date} onChange={set('date')} error={errors.date} placeholder={t('ui.datePlaceholder')} />}
          <TextField label={t('field.amountCents')} name="amountCents" value={f.amount} onChange={set('amount')} error={errors.amountCents} inputMode="decimal" placeholder={t('budget.moneyPlaceholder')} hint={t('budget.spendNegativeHint')} />
          <TextField label={t('field.description')} name="description" value={f.description} onChange={set('description')} error={errors.description} />
          <TextField label={t('field.reference')} name="reference" value={f.reference} onChange={set('reference')} error={errors.reference} placeholder={t('budget.referencePlaceholder')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">{editingId ? t('action.save') : t('budget.addSpend')}</button>
          {editingId && <button type="button" onClick={stopEditing}>{t('action.cancel')}</button>}
        </div>
      </form>
    </div>
  );
}

// ---- The list

export function BudgetLines({ programmeId, filter, o }: { programmeId: string; filter: Filter; o: BudgetOverview }) {
  const { act } = useAct();
  const thisYear = Number(useToday().slice(0, 4));
  // A page of lines at a time; the totals come with it, summed in the core over every matching line.
  const filterKey = JSON.stringify([programmeId, filter]);
  const [at, setAt] = useState({ key: filterKey, offset: 0 });
  const offset = pageOf(at, filterKey);
  const lines = useCall('budgetLine.page', { programmeId, ...filter, offset }, { keepPrevious: true });
  const tree = useCall('tree.outline', { programmeId });
  const partners = useCall('organisation.list');
  const [editing, setEditing] = useState<string | null>(null); // line id, or 'new'
  const [open, setOpen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const measures = measuresOf(tree.data);
  const over = new Set(o.overspentLineIds);
  const defaultYear = o.years.find((y) => y >= thisYear) ?? o.years[0] ?? thisYear;

  const setFilter = (f: Filter) => go('begroting', programmeId, 'regels', ...filterParts(f));

  const remove = (l: BudgetLine) =>
    act((v) => call('budgetLine.delete', { id: l.id, rowVersion: v ?? l.rowVersion }), { done: t('budget.lineDeleted', { name: `${l.year} ${l.costItem}` }), conflict: 'delete', then: () => setConfirming(null) });

  const page = lines.data;
  const data = page?.lines ?? [];
  const total = { p: page?.plannedCents ?? 0, r: page?.realisedCents ?? 0, n: page?.total ?? 0 };
  return (
    <>
      <div className="filter-bar" role="group" aria-label={t('budget.filter')}>
        <div className="field inline-field">
          <label htmlFor="lines-measure">{t('budget.measure')}</label>
          <select id="lines-measure" value={filter.measureId ?? ''} onChange={(e) => setFilter({ ...filter, lineIds: undefined, measureId: e.target.value || undefined })}>
            <option value="">{t('budget.allMeasures')}</option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>{measureLabel(m)}</option>
            ))}
          </select>
        </div>
        <div className="field inline-field">
          <label htmlFor="lines-year">{t('budget.year')}</label>
          <select id="lines-year" value={filter.year ?? ''} onChange={(e) => setFilter({ ...filter, lineIds: undefined, year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('budget.allYears')}</option>
            {o.years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </div>
        {filterParts(filter).length > 0 && (
          <a className="button" href={budgetHref(programmeId, 'regels')}>{t('budget.clearFilter')}</a>
        )}
        <span className="spacer" />
        {editing !== 'new' && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>{t('budget.newLine')}</button>
        )}
      </div>
      {filter.lineIds && <p className="muted small">{t('budget.filteredLines', { n: filter.lineIds.length })}</p>}
      {editing === 'new' && (
        <LineForm
          initial={emptyLine(filter.measureId ?? '', filter.year ?? defaultYear)}
          tree={tree.data}
          partners={partners.data ?? []}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setOpen(saved.id);
          }}
        />
      )}
      <LoadProblem q={lines} />
      <LoadProblem q={tree} />
      <LoadProblem q={partners} />
      {lines.data && data.length === 0 && <p className="muted">{t('budget.noLines')}</p>}
      {page && <Pager offset={page.offset} limit={page.limit} total={page.total} what="pager.lines" onPage={(o) => setAt({ key: filterKey, offset: o })} />}
      {data.length > 0 && (
        <table className="table lines" aria-label={t('budget.tab.lines')}>
          <thead>
            <tr>
              <th scope="col">{t('budget.measure')}</th>
              <th scope="col">{t('budget.year')}</th>
              <th scope="col">{t('field.costItem')}</th>
              <th scope="col">{t('budget.source')}</th>
              <th scope="col" className="num">{t('budget.planned')}</th>
              <th scope="col" className="num">{t('budget.realised')}</th>
              <th scope="col" className="num">{t('budget.remaining')}</th>
              <th scope="col"><span className="sr-only">{t('budget.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.map((l) => {
              const name = `${l.year} ${l.costItem}`;
              return [
                <tr key={l.id} className={over.has(l.id) ? 'over' : undefined}>
                  <td className="measure-cell">{l.measureCode || l.measureName}</td>
                  <td>{l.year}</td>
                  <td>
                    {l.costItem}
                    <div className="muted small">
                      {[
                        t(`costKind.${l.kind}` as MessageKey),
                        l.fte !== null ? t('budget.fteHours', { fte: String(l.fte).replace('.', ',') }) : '',
                        l.hours !== null ? t('budget.hoursShort', { hours: l.hours }) : '',
                        l.activityCode || l.activityName ? `${t('field.activityId')} ${l.activityCode || l.activityName}` : '',
                        l.inKind ? t('field.inKind').toLowerCase() : '',
                        l.management ? t('budget.managementShort') : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </td>
                  <td>
                    {t(`source.${l.fundingSource}` as MessageKey)}
                    <div className="muted small">{[t(`category.${l.category}` as MessageKey), l.partnerName].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td className="num"><Money cents={l.plannedCents} /></td>
                  <td className="num">
                    <a href={budgetHref(programmeId, 'bestedingen', { lineIds: [l.id] })} aria-label={t('budget.cellRealised', { what: name, amount: formatCents(l.realisedCents) })}>
                      <Money cents={l.realisedCents} />
                    </a>
                    <div className="muted small">{pct(l.plannedCents > 0 ? (l.realisedCents * 100) / l.plannedCents : null)}</div>
                  </td>
                  <td className="num">
                    <Money cents={l.plannedCents - l.realisedCents} />
                    <div><OverFlag over={over.has(l.id)} /></div>
                  </td>
                  <td className="actions-cell">
                    <div className="row-actions">
                    <button type="button" aria-expanded={open === l.id} aria-label={`${t('budget.details')}: ${name}`} onClick={() => setOpen(open === l.id ? null : l.id)}>
                      {open === l.id ? t('budget.hideDetails') : t('budget.details')}
                    </button>
                    <button type="button" aria-label={`${t('action.edit')}: ${name}`} onClick={() => setEditing(l.id)}>{t('action.edit')}</button>
                    <button type="button" className="danger" aria-label={`${t('action.delete')}: ${name}`} aria-expanded={confirming === l.id} onClick={() => setConfirming(l.id)}>
                      {t('action.delete')}
                    </button>
                    </div>
                  </td>
                </tr>,
                confirming === l.id && (
                  <tr key={`${l.id}-confirm`} className="detail-row">
                    <td colSpan={8}>
                      <span className="confirm" role="group" aria-label={t('budget.confirmDeleteGroup')}>
                        {name}: {l.spendCount > 0 ? t('budget.deleteLineWithSpend', { n: l.spendCount }) : ''} {t('budget.deleteLineConfirm')}{' '}
                        <button type="button" className="danger" onClick={() => void remove(l)}>{t('budget.confirmDelete')}</button>
                        <button type="button" onClick={() => setConfirming(null)}>{t('action.cancel')}</button>
                      </span>
                    </td>
                  </tr>
                ),
                editing === l.id && (
                  <tr key={`${l.id}-edit`} className="detail-row">
                    <td colSpan={8}>
                      <LineForm
                        line={l}
                        initial={fromLine(l)}
                        tree={tree.data}
                        partners={partners.data ?? []}
                        onDone={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ),
                open === l.id && (
                  <tr key={`${l.id}-spend`} className="detail-row">
                    <td colSpan={8}>
                      <SpendPanel programmeId={programmeId} line={l} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>{total.n > data.length ? t('budget.totalAll', { n: total.n, count: total.n.toLocaleString('nl-NL') }) : t('budget.total')}</th>
              <td className="num"><Money cents={total.p} /></td>
              <td className="num"><Money cents={total.r} /></td>
              <td className="num"><Money cents={total.p - total.r} /></td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {page && data.length > 0 && <Pager below offset={page.offset} limit={page.limit} total={page.total} what="pager.lines" onPage={(o) => setAt({ key: filterKey, offset: o })} />}
    </>
  );
}
