/** The small forms on a results card: a measurement, a new target, a target revision. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../api';
import { t, type MessageKey } from '../i18n';
import { useNotify } from '../notify';
import { useAct } from '../useAct';
import { SelectField, TextArea, TextField } from '../components/Field';
import { formatDate, parseDateInput, dateError } from '../../../shared/dates';
import { formatNumber, parseNumberInput, percentReading, readPercentage } from '../../../shared/results/format';
import { MEASUREMENT_STATUSES, TARGET_KINDS } from '../../../shared/results/types';
import { PERIOD_KINDS, momentRuleFor, periodCode, periodLabel, periodsBetween, programmeWindow, reportingPeriod, type FixedPeriodKind, type Period, type PeriodKind } from '../../../shared/results/periods';
import { MOMENT_WINDOW_DAYS } from '../../../shared/results/moments';
import type { IndicatorView, TargetView } from '../../../shared/schemas/results';

type Errors = Record<string, string>;

/** Reads a number field: empty is null, text is an error (never 0). */
function numberField(s: string, field: string, errors: Errors, required = false, percentage = false): number | null {
  if (!s.trim()) {
    if (required) errors[field] = t('val.number');
    return null;
  }
  if (percentage) {
    // A percentage says how it was read ("0.975" is 0,975%, never 975).
    const p = readPercentage(s);
    if (p.error) errors[field] = p.error;
    return p.value;
  }
  const n = parseNumberInput(s);
  if (n === null) errors[field] = t('val.number');
  return n;
}

const numInput = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, 6));

function useSubmit(onDone: (v: IndicatorView) => void) {
  const notify = useNotify();
  const { act, busy } = useAct();
  const [errors, setErrors] = useState<Errors>({});
  /** `send` gets the version to write over when the user chose "Mijn versie opslaan" after a conflict. */
  async function run(local: Errors, send: (rowVersion?: number) => Promise<IndicatorView>, message: string, reload?: () => void) {
    setErrors(local);
    if (Object.keys(local).length) {
      notify(t('val.fixFields'), 'error');
      return;
    }
    await act(send, { done: message, then: onDone, failed: (e) => setErrors(e.fieldErrors()), reload });
  }
  return { errors, busy, run };
}

function FormBox({ title, children, onSubmit, onCancel, busy }: { title: string; children: ReactNode; onSubmit(e: FormEvent): void; onCancel(): void; busy: boolean }) {
  return (
    <form className="form subform" aria-label={title} onSubmit={onSubmit} noValidate>
      <h4>{title}</h4>
      {children}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('action.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

type ValueKind = 'value' | 'ratio' | 'categories';
type Programme = { periodStart: string; periodEnd: string };

/** The periods a value or target of this kind can be about within the programme (custom ranges: the targets' own). */
function periodChoices(ind: IndicatorView, kind: PeriodKind, programme: Programme): Period[] {
  if (kind === 'vrij') return ind.targets.filter((x) => x.current).map((x) => ({ kind: x.periodKind, start: x.periodStart, end: x.periodEnd }));
  const w = programmeWindow(programme.periodStart, programme.periodEnd);
  return periodsBetween(kind as FixedPeriodKind, w.start, w.end).filter((p) => p.start >= w.start && p.end <= w.end);
}

/** The period a measurement on this date reports on by the indicator's moments (the server applies the same rule). */
function derivedPeriod(ind: IndicatorView, iso: string): Period {
  const rule = momentRuleFor({ kind: ind.momentKind, dates: ind.momentDates, periods: ind.momentPeriods }, iso, MOMENT_WINDOW_DAYS);
  return reportingPeriod(ind.periodKind, rule, iso, ind.targets.filter((x) => x.current).map((x) => ({ start: x.periodStart, end: x.periodEnd })));
}

const partLabel = (p: IndicatorView) => p.phrase || p.name;

export function MeasurementForm({
  ind,
  parts = [],
  programme,
  preset,
  onDone,
  onCancel,
}: {
  ind: IndicatorView;
  /** "Waarvan" parts, measured with it: same date, period and status. */
  parts?: IndicatorView[];
  programme: Programme;
  preset?: { date: string; period: string; status: 'voorlopig' | 'definitief' };
  onDone(v: IndicatorView): void;
  onCancel(): void;
}) {
  const [date, setDate] = useState(preset ? formatDate(preset.date) : '');
  // '' = the period the indicator's moments give for the date (shown in the option's label).
  const [period, setPeriod] = useState(preset?.period ?? '');
  const [kind, setKind] = useState<ValueKind>(ind.categories.length ? 'categories' : 'value');
  const [value, setValue] = useState('');
  const [num, setNum] = useState('');
  const [den, setDen] = useState('');
  const [cats, setCats] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>(preset?.status ?? 'voorlopig');
  const [source, setSource] = useState(ind.dataSource);
  const [explanation, setExplanation] = useState('');
  const [partValues, setPartValues] = useState<Record<string, string>>({});
  const { errors, busy, run } = useSubmit(onDone);
  const title = preset?.status === 'definitief' ? t('results.makeDefinitive') : t('results.addMeasurement');

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Errors = {};
    const iso = parseDateInput(date);
    if (!iso) errs.date = dateError(date);
    const v = kind === 'ratio' ? null : numberField(value, 'value', errs, kind === 'value', kind === 'value' && ind.unit === 'percentage');
    const n = kind === 'ratio' ? numberField(num, 'numerator', errs, true) : null;
    const d = kind === 'ratio' ? numberField(den, 'denominator', errs, true) : null;
    const categories =
      kind === 'categories'
        ? ind.categories.flatMap((c, i) => {
            const s = cats[c] ?? '';
            if (!s.trim()) return [];
            const x = parseNumberInput(s);
            if (x === null || !Number.isInteger(x)) {
              errs[`categories.${i}.count`] = t('val.wholeNumber');
              return [];
            }
            return [{ name: c, count: x }];
          })
        : null;
    // A part is a percentage, or with a numerator and denominator a count of the parent's numerator.
    const partInputs = parts.flatMap((p, i) => {
      const raw = partValues[p.id] ?? '';
      if (!raw.trim()) return [];
      const x = numberField(raw, `parts.${i}.value`, errs, true, kind !== 'ratio');
      return [{ indicatorId: p.id, value: kind === 'ratio' ? null : x, numerator: kind === 'ratio' ? x : null }];
    });
    void run(
      errs,
      () => call('measurement.create', { indicatorId: ind.id, date: iso!, period: period || null, value: v, numerator: n, denominator: d, categories, status: status as 'voorlopig', source, explanation, parts: partInputs }),
      t('results.measurementSaved'),
    );
  }

  const iso = parseDateInput(date);
  const auto = iso ? derivedPeriod(ind, iso) : null;
  const choices = periodChoices(ind, ind.periodKind, programme);

  const catSum = ind.categories.reduce((s, c) => s + (parseNumberInput(cats[c] ?? '') ?? 0), 0);
  const total = parseNumberInput(value);
  return (
    <FormBox title={title} onSubmit={submit} onCancel={onCancel} busy={busy}>
      <div className="row">
        <TextField label={t('field.date')} name="date" required value={date} onChange={setDate} error={errors.date} placeholder="dd-mm-jjjj" hint={t('results.dateHint')} />
        <SelectField
          label={t('results.periodOf')}
          name="period"
          value={period}
          onChange={setPeriod}
          error={errors.period}
          hint={t('results.periodHint')}
          options={[
            { value: '', label: auto ? t('results.periodAuto', { period: periodLabel(auto) }) : t('results.periodAutoEmpty') },
            ...choices.map((p) => ({ value: periodCode(p), label: periodLabel(p) })),
          ]}
        />
        <SelectField
          label={t('field.measurementStatus')}
          name="status"
          value={status}
          onChange={setStatus}
          error={errors.status}
          options={MEASUREMENT_STATUSES.map((s) => ({ value: s, label: t(`measurementStatus.${s}`) }))}
        />
        <SelectField
          label={t('results.valueKind')}
          name="valueKind"
          value={kind}
          onChange={(v) => setKind(v as ValueKind)}
          options={[
            { value: 'value', label: t('results.valueKind.value') },
            { value: 'ratio', label: t('results.valueKind.ratio') },
            ...(ind.categories.length ? [{ value: 'categories', label: t('results.valueKind.categories') }] : []),
          ]}
        />
      </div>
      {kind === 'value' && <TextField label={t('field.value')} name="value" required value={value} onChange={setValue} error={errors.value} inputMode="decimal" hint={ind.unit === 'percentage' ? percentReading(value) : undefined} />}
      {kind === 'ratio' && (
        <div className="row">
          <TextField label={t('field.numerator')} name="numerator" required value={num} onChange={setNum} error={errors.numerator} inputMode="decimal" />
          <TextField label={t('field.denominator')} name="denominator" required value={den} onChange={setDen} error={errors.denominator} inputMode="decimal" />
        </div>
      )}
      {parts.length > 0 && (
        <div className="row">
          {parts.map((p, i) => (
            <TextField
              key={p.id}
              label={kind === 'ratio' ? t('results.partCount', { part: partLabel(p) }) : t('results.partValue', { part: partLabel(p) })}
              name={`part-${i}`}
              value={partValues[p.id] ?? ''}
              onChange={(x) => setPartValues((m) => ({ ...m, [p.id]: x }))}
              error={errors[`parts.${i}.value`] ?? errors[`parts.${i}.numerator`]}
              inputMode="decimal"
              hint={kind === 'ratio' ? undefined : percentReading(partValues[p.id] ?? '')}
            />
          ))}
        </div>
      )}
      {kind === 'categories' && (
        <fieldset className="cats">
          <legend>{t('results.countsPerCategory')}</legend>
          <div className="row">
            {ind.categories.map((c, i) => (
              <TextField key={c} label={c} name={`cat-${i}`} value={cats[c] ?? ''} onChange={(v) => setCats((x) => ({ ...x, [c]: v }))} error={errors[`categories.${i}.count`]} inputMode="numeric" />
            ))}
          </div>
          <TextField label={t('field.total')} name="value" value={value} onChange={setValue} error={errors.value} inputMode="numeric" hint={t('results.categorySumHint', { sum: formatNumber(catSum) })} />
          {total !== null && total !== catSum && (
            <p className="warn-box" role="status">
              ⚠ {t('results.categoriesMismatch', { sum: formatNumber(catSum), total: formatNumber(total) })}
            </p>
          )}
        </fieldset>
      )}
      <TextField label={t('field.source')} name="source" value={source} onChange={setSource} error={errors.source} />
      <TextArea label={t('field.explanation')} name="explanation" rows={2} value={explanation} onChange={setExplanation} error={errors.explanation} hint={t('results.explanationHint')} />
    </FormBox>
  );
}

interface SpecState {
  kind: string;
  value: string;
  min: string;
  max: string;
  percent: string;
}

function SpecFields({ s, set, errors }: { s: SpecState; set(k: keyof SpecState): (v: string) => void; errors: Errors }) {
  return (
    <div className="row">
      <SelectField label={t('field.kind')} name="kind" value={s.kind} onChange={set('kind')} options={TARGET_KINDS.map((k) => ({ value: k, label: t(`targetKind.${k}` as MessageKey) }))} />
      {s.kind === 'exact' && <TextField label={t('results.target')} name="value" required value={s.value} onChange={set('value')} error={errors.value} inputMode="decimal" />}
      {s.kind === 'bereik' && <TextField label={t('field.min')} name="min" required value={s.min} onChange={set('min')} error={errors.min} inputMode="decimal" />}
      {s.kind === 'bereik' && <TextField label={t('field.max')} name="max" required value={s.max} onChange={set('max')} error={errors.max} inputMode="decimal" />}
      {s.kind === 'relatief' && <TextField label={t('field.percent')} name="percent" required value={s.percent} onChange={set('percent')} error={errors.percent} inputMode="decimal" hint={t('results.percentHint')} />}
    </div>
  );
}

function readSpec(s: SpecState, errs: Errors) {
  return {
    kind: s.kind as 'exact',
    value: s.kind === 'exact' ? numberField(s.value, 'value', errs, true) : null,
    min: s.kind === 'bereik' ? numberField(s.min, 'min', errs, true) : null,
    max: s.kind === 'bereik' ? numberField(s.max, 'max', errs, true) : null,
    percent: s.kind === 'relatief' ? numberField(s.percent, 'percent', errs, true) : null,
  };
}

export function TargetForm({ ind, parts = [], programme, onDone, onCancel }: { ind: IndicatorView; parts?: IndicatorView[]; programme: Programme; onDone(v: IndicatorView): void; onCancel(): void }) {
  const [partValues, setPartValues] = useState<Record<string, string>>({});
  const taken = new Set(ind.targets.filter((x) => x.current).map((x) => `${x.periodStart}/${x.periodEnd}`));
  const [kind, setKind] = useState<PeriodKind>(ind.periodKind);
  const choices = kind === 'vrij' ? [] : periodChoices(ind, kind, programme);
  const [code, setCode] = useState(() => {
    const first = periodChoices(ind, ind.periodKind, programme).find((p) => !taken.has(`${p.start}/${p.end}`));
    return first ? periodCode(first) : '';
  });
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [s, setS] = useState<SpecState>({ kind: 'exact', value: '', min: '', max: '', percent: '' });
  const set = (k: keyof SpecState) => (v: string) => setS((x) => ({ ...x, [k]: v }));
  const { errors, busy, run } = useSubmit(onDone);
  function changeKind(k: string) {
    setKind(k as PeriodKind);
    const first = k === 'vrij' ? undefined : periodChoices(ind, k as PeriodKind, programme).find((p) => !taken.has(`${p.start}/${p.end}`));
    setCode(first ? periodCode(first) : '');
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Errors = {};
    const spec = readSpec(s, errs);
    const picked = kind === 'vrij' ? null : choices.find((p) => periodCode(p) === code);
    const ps = kind === 'vrij' ? parseDateInput(start) : (picked?.start ?? null);
    const pe = kind === 'vrij' ? parseDateInput(end) : (picked?.end ?? null);
    if (kind === 'vrij' && !ps) errs.periodStart = dateError(start);
    if (kind === 'vrij' && !pe) errs.periodEnd = dateError(end);
    if (kind !== 'vrij' && !picked) errs.schoolYear = t('val.required');
    const schoolYear = kind === 'schooljaar' && picked ? code : null;
    const partTargets = parts.flatMap((p, i) => {
      const raw = partValues[p.id] ?? '';
      if (!raw.trim()) return [];
      const x = numberField(raw, `parts.${i}.value`, errs, true);
      return x === null ? [] : [{ indicatorId: p.id, value: x }];
    });
    void run(errs, () => call('target.create', { indicatorId: ind.id, schoolYear, periodStart: schoolYear ? null : ps, periodEnd: schoolYear ? null : pe, ...spec, parts: partTargets }), t('results.targetSaved'));
  }
  return (
    <FormBox title={t('results.addTarget')} onSubmit={submit} onCancel={onCancel} busy={busy}>
      <div className="row">
        <SelectField label={t('field.periodKind')} name="periodKind" value={kind} onChange={changeKind} options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}` as MessageKey) }))} />
        {kind !== 'vrij' && (
          <SelectField
            label={t(`periodKind.${kind}` as MessageKey)}
            name="schoolYear"
            value={code}
            onChange={setCode}
            error={errors.schoolYear ?? errors.periodStart}
            options={choices.map((p) => ({ value: periodCode(p), label: taken.has(`${p.start}/${p.end}`) ? t('results.yearTaken', { year: periodLabel(p) }) : periodLabel(p) }))}
          />
        )}
        {kind === 'vrij' && <TextField label={t('field.periodStart')} name="periodStart" value={start} onChange={setStart} error={errors.periodStart} placeholder="dd-mm-jjjj" />}
        {kind === 'vrij' && <TextField label={t('field.periodEnd')} name="periodEnd" value={end} onChange={setEnd} error={errors.periodEnd} placeholder="dd-mm-jjjj" />}
      </div>
      <SpecFields s={s} set={set} errors={errors} />
      {parts.length > 0 && (
        <div className="row">
          {parts.map((p, i) => (
            <TextField
              key={p.id}
              label={t('results.partTarget', { part: partLabel(p) })}
              name={`part-${i}`}
              value={partValues[p.id] ?? ''}
              onChange={(x) => setPartValues((m) => ({ ...m, [p.id]: x }))}
              error={errors[`parts.${i}.value`]}
              inputMode="decimal"
            />
          ))}
        </div>
      )}
    </FormBox>
  );
}

export function ReviseForm({ target, onDone, onCancel }: { target: TargetView; onDone(v: IndicatorView): void; onCancel(): void }) {
  const [s, setS] = useState<SpecState>({ kind: target.kind, value: numInput(target.value), min: numInput(target.min), max: numInput(target.max), percent: numInput(target.percent) });
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState('');
  const set = (k: keyof SpecState) => (v: string) => setS((x) => ({ ...x, [k]: v }));
  const { errors, busy, run } = useSubmit(onDone);
  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Errors = {};
    const spec = readSpec(s, errs);
    if (!reason.trim()) errs.reason = t('val.reasonRequired');
    const d = parseDateInput(decision);
    if (!d) errs.decisionDate = decision.trim() ? dateError(decision) : t('val.decisionDateRequired');
    void run(errs, (v) => call('target.revise', { id: target.id, rowVersion: v ?? target.rowVersion, ...spec, reason, decisionDate: d ?? '' }), t('results.targetRevised'), onCancel);
  }
  return (
    <FormBox title={`${t('results.reviseTarget')} ${periodLabel({ kind: target.periodKind, start: target.periodStart, end: target.periodEnd })}`} onSubmit={submit} onCancel={onCancel} busy={busy}>
      <SpecFields s={s} set={set} errors={errors} />
      <div className="row">
        <TextField label={t('field.reason')} name="reason" required value={reason} onChange={setReason} error={errors.reason} />
        <TextField label={t('field.decisionDate')} name="decisionDate" required value={decision} onChange={setDecision} error={errors.decisionDate} placeholder="dd-mm-jjjj" />
      </div>
    </FormBox>
  );
}
