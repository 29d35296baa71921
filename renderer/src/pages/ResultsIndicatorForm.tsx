/** Adding or editing an indicator: what is measured, how, and its baseline (nulmeting). */
import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { t, type MessageKey } from '../i18n';
import { go, href } from '../router';
import { useNotify } from '../notify';
import { useCall, useLoad } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError, LoadProblem } from '../components/LoadError';
import { SelectField, TextArea, TextField } from '../components/Field';
import { formatDate, parseDateInput, dateError } from '../../../shared/dates';
import { formatNumber, parseNumberInput } from '../../../shared/results/format';
import { AGGREGATIONS, DIRECTIONS, MOMENT_KINDS, UNITS } from '../../../shared/results/types';
import { MOMENT_PERIODS, PERIOD_KINDS, defaultMomentPeriod, type MomentPeriod, type PeriodKind } from '../../../shared/results/periods';
import type { IndicatorSummary, IndicatorView } from '../../../shared/schemas/results';

interface FormState {
  name: string;
  description: string;
  unit: string;
  freeUnit: string;
  direction: string;
  aggregation: string;
  dataSource: string;
  momentKind: string;
  momentDates: string;
  categories: string;
  baselineValue: string;
  baselineDate: string;
  baselineSource: string;
  baselineNote: string;
  periodKind: PeriodKind;
  /** Per moment as stored (MM-DD or ISO): the period it reports on, where the user chose one. */
  momentPeriods: Record<string, MomentPeriod>;
  /** '' or the indicator this one is a "waarvan" part of. */
  parentId: string;
  phrase: string;
}

const empty: FormState = {
  name: '',
  description: '',
  unit: 'percentage',
  freeUnit: '',
  direction: 'hoger',
  aggregation: 'niveau',
  dataSource: '',
  momentKind: 'jaarlijks',
  momentDates: '01-10',
  categories: '',
  baselineValue: '',
  baselineDate: '',
  baselineSource: '',
  baselineNote: '',
  periodKind: 'schooljaar',
  momentPeriods: {},
  parentId: '',
  phrase: '',
};

/** "07-01" (stored MM-DD) <-> "01-07" (dd-mm on screen). */
const mdToScreen = (md: string) => `${md.slice(3, 5)}-${md.slice(0, 2)}`;
function screenToMd(s: string): string | null {
  const m = /^(\d{1,2})[-/.](\d{1,2})$/.exec(s.trim());
  return m ? `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

function fromView(v: IndicatorView): FormState {
  return {
    name: v.name,
    description: v.description,
    unit: v.unit,
    freeUnit: v.freeUnit,
    direction: v.direction,
    aggregation: v.aggregation,
    dataSource: v.dataSource,
    momentKind: v.momentKind,
    momentDates: v.momentDates.map((d) => (v.momentKind === 'lijst' ? formatDate(d) : mdToScreen(d))).join(', '),
    categories: v.categories.join('\n'),
    baselineValue: v.baselineValue === null ? '' : formatNumber(v.baselineValue, 6),
    baselineDate: formatDate(v.baselineDate),
    baselineSource: v.baselineSource,
    baselineNote: v.baselineNote,
    periodKind: v.periodKind,
    momentPeriods: Object.fromEntries(v.momentDates.map((d, i) => [d, v.momentPeriods[i] ?? 'lopend'])),
    parentId: v.parentId ?? '',
    phrase: v.phrase,
  };
}

/** The moments as typed, in the stored form (MM-DD, or ISO for a list); null where one cannot be read. */
function parseMoments(kind: string, text: string): (string | null)[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => (kind === 'lijst' ? parseDateInput(p) : screenToMd(p)));
}

/** The period a moment reports on: the user's choice, else the default for its month. */
const momentPeriodOf = (f: FormState, d: string): MomentPeriod => f.momentPeriods[d] ?? defaultMomentPeriod(f.periodKind, f.momentKind === 'lijst' ? d.slice(5) : d);

export function ResultsIndicatorForm({ id, owner }: { id?: string; owner?: { kind: 'activiteit' | 'maatregel'; id: string } }) {
  const notify = useNotify();
  const { act, busy } = useAct();
  const indicator = useCall('indicator.get', { id: id ?? '' }, { enabled: !!id });
  const record = useRecordForm(indicator.data, fromView, empty);
  const { form, setForm } = record;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const here = indicator.data;
  const back = here?.activityId ? href('resultaten', 'activiteit', here.activityId) : owner?.kind === 'activiteit' ? href('resultaten', 'activiteit', owner.id) : href('resultaten');

  // The indicators it can be a "waarvan" part of: the others of the same activity or measure.
  const activityId = here ? here.activityId : owner?.kind === 'activiteit' ? owner.id : null;
  const measureId = here ? here.measureId : owner?.kind === 'maatregel' ? owner.id : null;
  const siblingsQ = useLoad(
    ['indicator.siblings', activityId, measureId],
    async (): Promise<IndicatorSummary[]> => {
      if (activityId) return (await call('results.forActivity', { activityId })).indicators;
      if (!measureId) return [];
      const m = await call('measure.get', { id: measureId });
      const r = await call('results.forProgramme', { programmeId: m.programmeId, measureId });
      return r.measures.find((x) => x.id === measureId)?.indicators ?? [];
    },
    { enabled: !id || !!here },
  );
  const siblings = (siblingsQ.data ?? []).filter((v) => v.id !== id && !v.parentId && !v.builtin);

  const set = (k: keyof FormState) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const setKind = (v: string) => setForm((f) => ({ ...f, momentKind: v, momentDates: v === 'halfjaarlijks' ? '01-01, 01-07' : v === 'jaarlijks' ? '01-10' : '' }));

  /** Writes the form; the indicator as saved, or undefined (refused, or not saved after a conflict). */
  async function save(): Promise<IndicatorView | undefined> {
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs.name = t('val.required');
    let baselineValue: number | null = null;
    if (form.baselineValue.trim()) {
      baselineValue = parseNumberInput(form.baselineValue);
      if (baselineValue === null) errs.baselineValue = t('val.number');
    }
    let baselineDate: string | null = null;
    if (form.baselineDate.trim()) {
      baselineDate = parseDateInput(form.baselineDate);
      if (!baselineDate) errs.baselineDate = dateError(form.baselineDate);
    }
    const momentDates = parseMoments(form.momentKind, form.momentDates);
    if (momentDates.some((d) => d === null) || momentDates.length === 0) errs.momentDates = form.momentKind === 'lijst' ? t('val.date') : t('val.monthDay');
    const categories = form.categories.split('\n').map((s) => s.trim()).filter(Boolean);
    setErrors(errs);
    if (Object.keys(errs).length) {
      notify(t('val.fixFields'), 'error');
      return undefined;
    }
    const fields = {
      name: form.name,
      description: form.description,
      unit: form.unit as 'aantal',
      freeUnit: form.unit === 'vrij' ? form.freeUnit : '',
      direction: form.direction as 'hoger',
      aggregation: form.aggregation as 'niveau',
      dataSource: form.dataSource,
      momentKind: form.momentKind as 'jaarlijks',
      momentDates: momentDates as string[],
      categories,
      baselineValue,
      baselineDate,
      baselineSource: form.baselineSource,
      baselineNote: form.baselineNote,
      periodKind: form.periodKind,
      momentPeriods: (momentDates as string[]).map((d) => momentPeriodOf(form, d)),
      parentId: form.parentId || null,
      phrase: form.phrase,
    };
    const based = record.based;
    const r = await act(
      (v) =>
        id
          ? call('indicator.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, ...fields })
          : call('indicator.create', { activityId: owner?.kind === 'activiteit' ? owner.id : null, measureId: owner?.kind === 'maatregel' ? owner.id : null, ...fields }),
      {
        done: id ? t('results.indicatorSaved') : t('results.indicatorCreated'),
        failed: (err) => setErrors(err.fieldErrors()),
        reload: record.reset,
      },
    );
    if (!r.ok) return undefined;
    record.saved();
    unsaved.saved();
    return r.value;
  }
  const unsaved = useUnsavedChanges(record.dirty, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = await save();
    if (!v) return;
    if (v.activityId) go('resultaten', 'activiteit', v.activityId);
    else window.location.hash = back;
  }

  if (indicator.error) return <LoadError message={indicator.error} back={href('resultaten')} />;
  if (id && !here) return <div className="page" aria-busy="true" />;
  const title = id ? t('results.editIndicator') : t('results.newIndicator');
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('resultaten')}>{t('results.title')}</a> / <span>{title}</span>
      </nav>
      <header className="page-head">
        <h1>{title}</h1>
      </header>
      <LoadProblem q={siblingsQ} />
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <TextField label={t('field.name')} name="name" required value={form.name} onChange={set('name')} error={errors.name} />
        <div className="row">
          <TextField label={t('field.phrase')} name="phrase" value={form.phrase} onChange={set('phrase')} error={errors.phrase} hint={t('results.phraseHint')} />
          <SelectField
            label={t('field.parentId')}
            name="parentId"
            value={form.parentId}
            onChange={(v) => setForm((f) => ({ ...f, parentId: v, unit: v ? 'percentage' : f.unit }))}
            error={errors.parentId}
            hint={t('results.parentHint')}
            options={[{ value: '', label: t('results.noParent') }, ...siblings.map((v) => ({ value: v.id, label: v.name }))]}
          />
        </div>
        <div className="row">
          <SelectField label={t('field.unit')} name="unit" value={form.unit} onChange={set('unit')} error={errors.unit} options={UNITS.map((u) => ({ value: u, label: t(`unit.${u}` as MessageKey) }))} />
          {form.unit === 'vrij' && <TextField label={t('field.freeUnit')} name="freeUnit" value={form.freeUnit} onChange={set('freeUnit')} error={errors.freeUnit} />}
          <SelectField label={t('field.direction')} name="direction" value={form.direction} onChange={set('direction')} error={errors.direction} options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}` as MessageKey) }))} />
          <SelectField
            label={t('field.aggregation')}
            name="aggregation"
            value={form.aggregation}
            onChange={set('aggregation')}
            error={errors.aggregation}
            options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}` as MessageKey) }))}
          />
        </div>
        <div className="row">
          <TextField label={t('field.dataSource')} name="dataSource" value={form.dataSource} onChange={set('dataSource')} error={errors.dataSource} hint={t('results.dataSourceHint')} />
          <SelectField label={t('field.momentKind')} name="momentKind" value={form.momentKind} onChange={setKind} options={MOMENT_KINDS.map((k) => ({ value: k, label: t(`momentKind.${k}` as MessageKey) }))} />
          <TextField
            label={t('field.momentDates')}
            name="momentDates"
            value={form.momentDates}
            onChange={set('momentDates')}
            error={errors.momentDates}
            hint={t(`results.momentHint.${form.momentKind}` as MessageKey)}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('field.periodKind')}
            name="periodKind"
            value={form.periodKind}
            onChange={(v) => setForm((f) => ({ ...f, periodKind: v as PeriodKind }))}
            error={errors.periodKind}
            hint={t('results.periodKindHint')}
            options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}` as MessageKey) }))}
          />
          {parseMoments(form.momentKind, form.momentDates).map((d, i) =>
            d === null ? null : (
              <SelectField
                key={`${d}-${i}`}
                label={t('results.momentReportsOn', { moment: form.momentKind === 'lijst' ? formatDate(d) : mdToScreen(d) })}
                name={`momentPeriod-${i}`}
                value={momentPeriodOf(form, d)}
                onChange={(v) => setForm((f) => ({ ...f, momentPeriods: { ...f.momentPeriods, [d]: v as MomentPeriod } }))}
                error={i === 0 ? errors.momentPeriods : undefined}
                options={MOMENT_PERIODS.map((m) => ({ value: m, label: t(`momentPeriod.${m}` as MessageKey) }))}
              />
            ),
          )}
        </div>
        <TextArea label={t('field.categories')} name="categories" rows={3} value={form.categories} onChange={set('categories')} error={errors.categories} hint={t('results.categoriesHint')} />
        <fieldset className="baseline">
          <legend>{t('results.baseline')}</legend>
          <div className="row">
            <TextField label={t('field.baselineValue')} name="baselineValue" value={form.baselineValue} onChange={set('baselineValue')} error={errors.baselineValue} inputMode="decimal" />
            <TextField label={t('field.baselineDate')} name="baselineDate" value={form.baselineDate} onChange={set('baselineDate')} error={errors.baselineDate} placeholder="dd-mm-jjjj" />
            <TextField label={t('field.baselineSource')} name="baselineSource" value={form.baselineSource} onChange={set('baselineSource')} error={errors.baselineSource} />
          </div>
          <TextArea label={t('field.baselineNote')} name="baselineNote" rows={2} value={form.baselineNote} onChange={set('baselineNote')} error={errors.baselineNote} />
        </fieldset>
        <TextArea label={t('field.description')} name="description" rows={3} value={form.description} onChange={set('description')} error={errors.description} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('action.save')}
          </button>
          <a className="button" href={back}>
            {t('action.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
