import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { t } from '../i18n';
import { go, href } from '../router';
import { useNotify } from '../notify';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError, LoadProblem } from '../components/LoadError';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from '../components/Field';
import { coded } from '../components/Status';
import { QuickAddPartner, partnerOptions } from '../components/PartnerPicker';
import { focusFirstError } from '../components/errors';
import { holdsOneActivity, ITEM_STATUSES, MEASURE_SHAPES, type ItemStatus, type MeasureDetail, type MeasureShape } from '../../../shared/schemas/tree';

interface FormState {
  lineId: string;
  code: string;
  name: string;
  description: string;
  plusvoorziening: boolean;
  targetGroups: string;
  lead: string;
  executors: string[];
  status: string;
  shape: MeasureShape;
}
const empty: FormState = { lineId: '', code: '', name: '', description: '', plusvoorziening: false, targetGroups: '', lead: '', executors: [], status: 'concept', shape: 'measure' };

const fromMeasure = (m: MeasureDetail): FormState => ({
  lineId: m.lineId ?? '',
  code: m.code,
  name: m.name,
  description: m.description,
  plusvoorziening: m.plusvoorziening,
  targetGroups: m.targetGroups.join('\n'),
  lead: m.leadOrganisationId ?? '',
  executors: m.executorIds,
  status: m.status,
  shape: m.shape,
});

/** New measure (programmeId, optionally in a line) or edit (id). */
export function MeasureForm({ id, programmeId, lineId }: { id?: string; programmeId?: string; lineId?: string }) {
  const notify = useNotify();
  const { act, busy } = useAct();
  // The measure (when editing) reloads after an undo elsewhere; the form follows unless the user has edits.
  const measure = useCall('measure.get', { id: id ?? '' }, { enabled: !!id });
  const record = useRecordForm(measure.data, fromMeasure, { ...empty, lineId: lineId ?? '' });
  const { form, setForm } = record;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const orgsQ = useCall('organisation.list');
  const progId = programmeId ?? measure.data?.programmeId ?? '';
  const treeQ = useCall('tree.outline', { programmeId: progId }, { enabled: !!progId });
  const tree = treeQ.data;
  const m = measure.data;
  const ownActivityId = m && holdsOneActivity(m.shape) ? (m.activities[0]?.id ?? null) : null;

  const set = (k: keyof FormState) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  /** Writes the form; the measure as saved, or undefined (refused, or not saved after a conflict). */
  async function save() {
    if (!form.name.trim()) {
      setErrors({ name: t('val.required') });
      notify(t('val.fixFields'), 'error');
      focusFirstError();
      return undefined;
    }
    const input = {
      lineId: form.lineId || null,
      code: form.code,
      name: form.name,
      description: form.description,
      plusvoorziening: form.plusvoorziening,
      targetGroups: form.targetGroups
        .split('\n')
        .map((s) => s.replace(/^\s*[-•*]\s*/, '').trim())
        .filter(Boolean),
      leadOrganisationId: form.lead || null,
      executorIds: form.executors,
      status: form.status as ItemStatus,
      shape: form.shape,
    };
    const based = record.based;
    const r = await act((v) => (id ? call('measure.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, ...input }) : call('measure.create', { programmeId: progId, ...input })), {
      done: t('measure.saved'),
      failed: (err) => {
        setErrors(err.fieldErrors());
        focusFirstError();
      },
      reload: record.reset,
    });
    if (!r.ok) return undefined;
    record.saved();
    unsaved.saved();
    return r.value;
  }
  const unsaved = useUnsavedChanges(record.dirty, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save();
    if (!saved) return;
    // An item that is its own activity lives on its activity's page; a new one goes to its template first.
    const own = holdsOneActivity(saved.shape) ? saved.activities[0] : undefined;
    if (own && !id) go('activiteiten', own.id, 'bewerken');
    else if (own) go('activiteiten', own.id);
    else go('maatregelen', saved.id);
  }

  if (measure.error) return <LoadError message={measure.error} back={href('programmas')} />;
  if (id && !m) return <div className="page" aria-busy="true" />;
  const orgOptions = partnerOptions(orgsQ.data ?? []);
  const lines = (tree?.lines ?? []).filter((l) => l.id).map((l) => ({ value: l.id!, label: coded(l.code, l.name) }));
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        {tree && <a href={href('programmas', tree.id)}>{tree.name}</a>} / <span>{id ? coded(form.code, form.name) : t('measure.new')}</span>
      </nav>
      <header className="page-head">
        <h1>{id ? (ownActivityId && form.shape === 'activity' ? `${t('activity.shapeEdit')}: ${coded(form.code, form.name)}` : t('measure.edit')) : t('measure.new')}</h1>
      </header>
      <LoadProblem q={orgsQ} />
      <LoadProblem q={treeQ} />
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <TextField label={t('field.code')} name="code" value={form.code} onChange={set('code')} error={errors.code} placeholder={t('ph.measureCode')} />
          <TextField label={t('field.name')} name="name" required value={form.name} onChange={set('name')} error={errors.name} />
        </div>
        <div className="row">
          <SelectField label={t('field.lineId')} name="lineId" value={form.lineId} onChange={set('lineId')} options={lines} placeholder={t('tree.noLine')} error={errors.lineId} />
          <SelectField label={t('field.status')} name="status" value={form.status} onChange={set('status')} options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </div>
        <RadioGroup
          label={t('field.shape')}
          name="shape"
          value={form.shape}
          onChange={(v) => setForm((f) => ({ ...f, shape: v as MeasureShape }))}
          options={MEASURE_SHAPES.map((s) => ({ value: s, label: t(`shape.${s}`), hint: t(`shape.${s}.hint`) }))}
          error={errors.shape}
        />
        <CheckboxField label={t('measure.isPlus')} name="plusvoorziening" checked={form.plusvoorziening} onChange={(v) => setForm((f) => ({ ...f, plusvoorziening: v }))} />
        <TextArea label={t('field.description')} name="description" rows={5} value={form.description} onChange={set('description')} error={errors.description} />
        <TextArea label={t('field.targetGroups')} name="targetGroups" rows={3} value={form.targetGroups} onChange={set('targetGroups')} error={errors.targetGroups} hint={t('activity.targetGroupsHint')} />
        <SelectField label={t('field.leadOrganisationId')} name="lead" value={form.lead} onChange={set('lead')} options={orgOptions} placeholder={t('programme.noPartner')} error={errors.leadOrganisationId} hint={orgsQ.data && !orgOptions.length ? t('partner.noneYet') : undefined} />
        <QuickAddPartner idPrefix="lead" onAdded={(pid) => setForm((f) => ({ ...f, lead: pid }))} />
        <CheckboxGroup label={t('field.executorIds')} name="executors" options={orgOptions} value={form.executors} onChange={(v) => setForm((f) => ({ ...f, executors: v }))} error={errors.executorIds} />
        <QuickAddPartner idPrefix="executor" onAdded={(pid) => setForm((f) => ({ ...f, executors: f.executors.includes(pid) ? f.executors : [...f.executors, pid] }))} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('action.save')}
          </button>
          <a className="button" href={ownActivityId ? href('activiteiten', ownActivityId) : id ? href('maatregelen', id) : href('programmas', progId)}>
            {t('action.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
