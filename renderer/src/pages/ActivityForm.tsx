/** Creating and editing an activity: one fieldset per question of the template, in plan order. */
import { QuickAddPartner, partnerOptions } from '../components/PartnerPicker';
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../api';
import { t, type MessageKey } from '../i18n';
import { go, href } from '../router';
import { useNotify } from '../notify';
import { useToday } from '../state';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError, LoadProblem } from '../components/LoadError';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../components/Field';
import { coded } from '../components/Status';
import { focusFirstError } from '../components/errors';
import { formatDate, parseDateInput, schoolYearOf, dateError } from '../../../shared/dates';
import { ACTIVITY_LONG_TEXTS, holdsOneActivity, ITEM_STATUSES, type Activity, type ActivityUpdate } from '../../../shared/schemas/tree';
import { firstSchoolYear, parseRelativeYears } from '../../../shared/participants';

const TEXTS = ACTIVITY_LONG_TEXTS;
type TextKey = (typeof TEXTS)[number];

type FormState = Record<TextKey, string> & {
  code: string;
  name: string;
  status: string;
  startDate: string;
  endDate: string;
  targetGroups: string;
  participants: { schoolYear: string; count: string }[];
  sustainabilityFrom: string;
  lead: string;
  executors: string[];
};

const empty: FormState = {
  ...(Object.fromEntries(TEXTS.map((k) => [k, ''])) as Record<TextKey, string>),
  code: '',
  name: '',
  status: 'concept',
  startDate: '',
  endDate: '',
  targetGroups: '',
  participants: [],
  sustainabilityFrom: '',
  lead: '',
  executors: [],
};

function fromActivity(a: Activity): FormState {
  return {
    ...(Object.fromEntries(TEXTS.map((k) => [k, a[k]])) as Record<TextKey, string>),
    code: a.code,
    name: a.name,
    status: a.status,
    startDate: formatDate(a.startDate),
    endDate: formatDate(a.endDate),
    targetGroups: a.targetGroups.join('\n'),
    participants: a.plannedParticipants.map((p) => ({ schoolYear: p.schoolYear, count: String(p.count) })),
    sustainabilityFrom: a.sustainabilityFrom,
    lead: a.leadOrganisationId ?? '',
    executors: a.executorIds,
  };
}

/** Checks what can be checked here; the core checks everything again. */
function toInput(f: FormState): { input?: Omit<ActivityUpdate, 'id' | 'rowVersion'>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!f.name.trim()) errors.name = t('val.required');
  const date = (s: string, field: string) => {
    if (!s.trim()) return null;
    const iso = parseDateInput(s);
    if (!iso) errors[field] = dateError(s);
    return iso;
  };
  const startDate = date(f.startDate, 'startDate');
  const endDate = date(f.endDate, 'endDate');
  if (startDate && endDate && endDate < startDate) errors.endDate = t('val.endBeforeStart');
  const plannedParticipants = f.participants.map((p, i) => {
    const s = p.count.trim().replace(/\./g, '');
    if (!/^\d+$/.test(s)) errors[`plannedParticipants.${i}.count`] = /^-/.test(s) ? t('val.notNegative') : t('val.wholeNumber');
    return { schoolYear: p.schoolYear.trim(), count: Number(s) };
  });
  if (Object.keys(errors).length) return { errors };
  const texts = Object.fromEntries(TEXTS.map((k) => [k, f[k]])) as Record<TextKey, string>;
  return {
    errors,
    input: {
      ...texts,
      code: f.code,
      name: f.name,
      status: f.status as Activity['status'],
      startDate,
      endDate,
      targetGroups: f.targetGroups
        .split('\n')
        .map((s) => s.replace(/^\s*[-•*]\s*/, '').trim())
        .filter(Boolean),
      plannedParticipants,
      sustainabilityFrom: f.sustainabilityFrom,
      leadOrganisationId: f.lead || null,
      executorIds: f.executors,
    },
  };
}

type Period = { periodStart: string; periodEnd: string };

/**
 * The school year after the last one in the list, else the activity's first school year: that of its
 * start date inside the programme, else the programme's first (not today's: a 2016-2020 plan entered
 * later starts in 2016/2017); the current one only while the programme is not known yet.
 */
function nextSchoolYear(list: { schoolYear: string }[], startDate: string, programme: Period | null, today: string): string {
  const last = list[list.length - 1]?.schoolYear;
  const m = last && /^(\d{4})\/(\d{4})$/.exec(last);
  if (m) return `${Number(m[1]) + 1}/${Number(m[2]) + 1}`;
  const start = parseDateInput(startDate);
  if (programme) return firstSchoolYear(start, programme);
  return schoolYearOf(start ?? today);
}

/** "1e jaar 400, 2e jaar 800, …" from the plan, counted from the activity's first school year. */
function RelativeYears({ startDate, programme, onRows }: { startDate: string; programme: Period | null; onRows(rows: { schoolYear: string; count: number }[]): void }) {
  const notify = useNotify();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const first = programme ? firstSchoolYear(parseDateInput(startDate), programme) : '';
  function take() {
    const r = parseRelativeYears(text, first);
    setError(r.errors.length ? r.errors.join(' ') : undefined);
    if (r.rows.length) {
      onRows(r.rows);
      notify(t('activity.relativeTaken', { n: r.rows.length, first: r.rows[0]!.schoolYear }));
    }
  }
  return (
    <div className="row relative-years">
      <TextField label={t('activity.relativeYears')} name="relativeYears" value={text} onChange={setText} error={error} hint={first ? t('activity.relativeYearsHint', { first }) : undefined} placeholder="1e jaar 400, 2e jaar 800, 3e jaar 1000, 4e jaar 1000" />
      <button type="button" onClick={take} disabled={!text.trim() || !first}>
        {t('activity.relativeTake')}
      </button>
    </div>
  );
}

function Fieldset({ n, children }: { n: number; children: ReactNode }) {
  return (
    <fieldset className="card template-fieldset">
      <legend>{t(`activity.s${n}` as MessageKey)}</legend>
      {children}
    </fieldset>
  );
}

interface Context {
  measureId: string | null;
  measure: string;
  /** `measure`: under a measure; otherwise the item sits at the measure level (own activity). */
  shape: string;
  line: string | null;
  programmeId: string;
  programme: string;
}

/**
 * Edit (id), new under a measure (measureId), or new directly under a programme line or the
 * programme (programmeId, optionally lineId): then the line is chosen in question 1.
 */
export function ActivityForm({ id, measureId, programmeId, lineId }: { id?: string; measureId?: string; programmeId?: string; lineId?: string }) {
  const notify = useNotify();
  const { act, busy } = useAct();
  const today = useToday();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [line, setLine] = useState(lineId ?? '');
  const atLine = !id && !measureId && !!programmeId;
  const orgList = useCall('organisation.list');
  // Where the activity stands: the activity itself (edit), its measure (new), or the programme's tree (new under a line).
  const activity = useCall('activity.get', { id: id ?? '' }, { enabled: !!id });
  const measure = useCall('measure.get', { id: measureId ?? '' }, { enabled: !id && !!measureId });
  const treeQ = useCall('tree.outline', { programmeId: programmeId ?? '' }, { enabled: atLine });
  const tree = treeQ.data;
  const record = useRecordForm(activity.data, fromActivity, empty);
  const { form, setForm } = record;
  const a = activity.data;
  const m = measure.data;
  const context: Context | null = a
    ? { measureId: a.measureId, measure: coded(a.measureCode, a.measureName), shape: a.measureShape, line: a.lineName ? coded(a.lineCode ?? '', a.lineName) : null, programmeId: a.programmeId, programme: a.programmeName }
    : m
      ? { measureId: m.id, measure: coded(m.code, m.name), shape: 'measure', line: m.lineName ? coded(m.lineCode ?? '', m.lineName) : null, programmeId: m.programmeId, programme: m.programmeName }
      : tree
        ? { measureId: null, measure: '', shape: 'activity', line: null, programmeId: tree.id, programme: tree.name }
        : null;
  const loadError = activity.error ?? measure.error ?? treeQ.error;
  // The programme's period: its school years are the ones an activity can plan participants in.
  const programmeQ = useCall('programme.get', { id: context?.programmeId ?? '' }, { enabled: !!context?.programmeId });
  const programmePeriod: Period | null = programmeQ.data ? { periodStart: programmeQ.data.periodStart, periodEnd: programmeQ.data.periodEnd } : null;

  const set = (k: keyof FormState) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const setParticipant = (i: number, k: 'schoolYear' | 'count', v: string) =>
    setForm((f) => ({ ...f, participants: f.participants.map((p, j) => (j === i ? { ...p, [k]: v } : p)) }));

  /** Writes the form; the activity as saved, or undefined (refused, or not saved after a conflict). */
  async function save() {
    const { input, errors: errs } = toInput(form);
    setErrors(errs);
    if (!input) {
      notify(t('val.fixFields'), 'error');
      focusFirstError();
      return undefined;
    }
    const based = record.based;
    const r = await act(
      (v) =>
        id
          ? call('activity.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, ...input })
          : measureId
            ? call('activity.create', { measureId, ...input })
            : call('activity.create', { programmeId: programmeId!, lineId: line || null, ...input }),
      {
        done: t('activity.saved'),
        failed: (err) => {
          setErrors(err.fieldErrors());
          focusFirstError();
        },
        reload: record.reset,
      },
    );
    if (!r.ok) return undefined;
    // Dates outside the programme period are saved, and said.
    for (const w of r.value.warnings) notify(w.message);
    record.saved();
    unsaved.saved();
    return r.value;
  }
  const unsaved = useUnsavedChanges(record.dirty, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save();
    if (saved) go('activiteiten', saved.id);
  }

  if (loadError) return <LoadError message={loadError} back={href('programmas')} />;
  if (id && !a) return <div className="page" aria-busy="true" />;
  const orgs = orgList.data ?? [];
  const orgOptions = partnerOptions(orgs);
  const text = (k: TextKey, rows = 4) => <TextArea label={t(`field.${k}` as MessageKey)} name={k} rows={rows} value={form[k]} onChange={set(k)} error={errors[k]} />;
  const back = id ? href('activiteiten', id) : context?.measureId ? href('maatregelen', context.measureId) : context ? href('programmas', context.programmeId) : href('programmas');
  const own = context ? holdsOneActivity(context.shape) : false;
  const lineOptions = (tree?.lines ?? []).flatMap((l) => (l.id ? [{ value: l.id, label: coded(l.code, l.name) }] : []));
  const participantsError = Object.entries(errors).find(([k]) => k.startsWith('plannedParticipants'));

  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        {context && (
          <>
            <a href={href('programmas', context.programmeId)}>{context.programme}</a> /{' '}
            {context.measureId && !own && (
              <>
                <a href={href('maatregelen', context.measureId)}>{context.measure}</a> /{' '}
              </>
            )}
          </>
        )}
        <span>{id ? coded(form.code, form.name) : atLine ? t('activity.newAtLine') : t('activity.new')}</span>
      </nav>
      <header className="page-head">
        <h1>{id ? t('activity.edit') : atLine ? t('activity.newAtLine') : t('activity.new')}</h1>
      </header>
      <LoadProblem q={orgList} />
      <form className="form template-form" onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset n={1}>
          {atLine ? (
            <SelectField label={t('activity.placeLine')} name="lineId" value={line} onChange={setLine} options={lineOptions} placeholder={t('tree.noLine')} hint={t('activity.placeHint')} error={errors.lineId} />
          ) : (
            <>
              <p>{context?.line ?? t('activity.noLine')}</p>
              <p className="muted small">{own ? t(`shape.${context!.shape as 'single'}`) : t('activity.placeMeasure', { name: context?.measure ?? '' })}</p>
            </>
          )}
        </Fieldset>
        <Fieldset n={2}>
          <div className="row">
            <TextField label={t('field.code')} name="code" value={form.code} onChange={set('code')} error={errors.code} placeholder={t('ph.activityCode')} />
            <TextField label={t('field.name')} name="name" required value={form.name} onChange={set('name')} error={errors.name} />
            <SelectField
              label={t('field.status')}
              name="status"
              value={form.status}
              onChange={set('status')}
              options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </div>
          <SelectField label={t('field.leadOrganisationId')} name="lead" value={form.lead} onChange={set('lead')} options={orgOptions} placeholder={t('programme.noPartner')} error={errors.leadOrganisationId} hint={orgList.data && !orgOptions.length ? t('partner.noneYet') : undefined} />
          <QuickAddPartner idPrefix="lead" onAdded={(pid) => setForm((f) => ({ ...f, lead: pid }))} />
          <CheckboxGroup label={t('field.executorIds')} name="executors" options={orgOptions} value={form.executors} onChange={(v) => setForm((f) => ({ ...f, executors: v }))} error={errors.executorIds} />
          <QuickAddPartner idPrefix="executor" onAdded={(pid) => setForm((f) => ({ ...f, executors: f.executors.includes(pid) ? f.executors : [...f.executors, pid] }))} />
        </Fieldset>
        <Fieldset n={3}>{text('description', 6)}</Fieldset>
        <Fieldset n={4}>{text('aim')}</Fieldset>
        <Fieldset n={5}>
          <div className="row">
            <TextField label={t('field.startDate')} name="startDate" value={form.startDate} onChange={set('startDate')} error={errors.startDate} placeholder={t('ui.datePlaceholder')} />
            <TextField label={t('field.endDate')} name="endDate" value={form.endDate} onChange={set('endDate')} error={errors.endDate} placeholder={t('ui.datePlaceholder')} />
          </div>
          {text('durationNote', 2)}
        </Fieldset>
        <Fieldset n={6}>
          <p className="muted">{id ? t('activity.subsOnPage') : t('activity.subsAfterSave')}</p>
        </Fieldset>
        <Fieldset n={7}>{text('subActivitiesDuration', 3)}</Fieldset>
        <Fieldset n={8}>
          <TextArea label={t('field.targetGroups')} name="targetGroups" rows={3} value={form.targetGroups} onChange={set('targetGroups')} error={errors.targetGroups} hint={t('activity.targetGroupsHint')} />
          {text('targetGroupNeed')}
          <fieldset className="field participants" aria-describedby={participantsError ? 'participants-error' : undefined}>
            <legend>{t('field.plannedParticipants')}</legend>
            {form.participants.map((p, i) => (
              <div className="row participant-row" key={i}>
                <TextField label={t('field.schoolYear')} name={`schoolYear-${i}`} value={p.schoolYear} onChange={(v) => setParticipant(i, 'schoolYear', v)} error={errors[`plannedParticipants.${i}.schoolYear`]} />
                <TextField label={t('field.count')} name={`count-${i}`} inputMode="numeric" value={p.count} onChange={(v) => setParticipant(i, 'count', v)} error={errors[`plannedParticipants.${i}.count`]} />
                <button type="button" className="icon" onClick={() => setForm((f) => ({ ...f, participants: f.participants.filter((_, j) => j !== i) }))} aria-label={t('activity.removeYear', { year: p.schoolYear })}>
                  ✕
                </button>
              </div>
            ))}
            {errors.plannedParticipants && (
              <div className="field-error" role="alert" id="participants-error">
                {errors.plannedParticipants}
              </div>
            )}
            <button type="button" onClick={() => setForm((f) => ({ ...f, participants: [...f.participants, { schoolYear: nextSchoolYear(f.participants, f.startDate, programmePeriod, today), count: '' }] }))}>
              <span aria-hidden="true">+ </span>
              {t('activity.addYear')}
            </button>
            <RelativeYears
              startDate={form.startDate}
              programme={programmePeriod}
              onRows={(rows) =>
                setForm((f) => {
                  // Years from the plan replace the same years; other years stay.
                  const taken = new Set(rows.map((r) => r.schoolYear));
                  const kept = f.participants.filter((p) => !taken.has(p.schoolYear.trim()) && (p.schoolYear.trim() || p.count.trim()));
                  const all = [...kept, ...rows.map((r) => ({ schoolYear: r.schoolYear, count: String(r.count) }))];
                  return { ...f, participants: all.sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)) };
                })
              }
            />
          </fieldset>
        </Fieldset>
        <Fieldset n={9}>
          {text('lookBackEarlier')}
          {text('lookBackAimReached', 3)}
        </Fieldset>
        <Fieldset n={10}>
          {text('resultsGeneral')}
          {text('resultsPerSubActivity')}
          {text('resultsVsvContribution', 3)}
          {text('resultsResponsible', 2)}
          {text('measurementMoments', 2)}
          {text('indicatorsMonitoring')}
          {text('organisationStructure', 3)}
        </Fieldset>
        <Fieldset n={11}>
          {text('sustainabilityHow', 3)}
          {text('sustainabilityWho', 2)}
          <TextField label={t('field.sustainabilityFrom')} name="sustainabilityFrom" value={form.sustainabilityFrom} onChange={set('sustainabilityFrom')} error={errors.sustainabilityFrom} placeholder={t('ph.fromDate')} />
        </Fieldset>
        <div className="form-actions sticky-actions">
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
