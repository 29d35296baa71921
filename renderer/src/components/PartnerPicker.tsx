/**
 * Partners in forms: the options of every partner picker (twins told apart), the question before a
 * near-duplicate is saved, and "Nieuwe partner…" to create one without leaving the form.
 */
import { useState } from 'react';
import { call } from '../api';
import { t } from '../i18n';
import { useAct } from '../useAct';
import { useCall } from '../useLoad';
import { useAsk } from './ChoiceDialog';
import { SelectField, TextField } from './Field';
import { ORGANISATION_TYPES, type Organisation, type OrganisationType } from '../../../shared/schemas/partner';
import { partnerDescription, partnerLabel, similarPartners } from '../../../shared/partners/names';
import { orgTypeLabel } from '../pages/PartnerList';

/** The partners as picker options; two with the same name carry what tells them apart. */
export function partnerOptions(all: readonly Organisation[]): { value: string; label: string }[] {
  return all.map((o) => ({ value: o.id, label: partnerLabel(o, all) }));
}

/**
 * Asks before a partner is saved under a name that (nearly) exists already. Resolves 'save' (no
 * look-alike, or the user says it is another organisation), 'cancel', or the id of the existing
 * partner the user wants to open instead.
 */
export function useConfirmNewPartner() {
  const ask = useAsk();
  return async (name: string, all: readonly Organisation[], opts: { selfId?: string; inPicker?: boolean } = {}): Promise<string> => {
    const twins = similarPartners(name, all, opts.selfId);
    if (!twins.length) return 'save';
    const answer = await ask({
      title: t('partner.similarTitle'),
      body: [
        `${t('partner.similarBody', { name: name.trim() })} ${twins.slice(0, 5).map(partnerDescription).join('; ')}.`,
        t('partner.similarAsk'),
      ],
      choices: [
        { value: 'cancel', label: t('action.cancel'), cancel: true },
        { value: 'open', label: t(opts.inPicker ? 'partner.similarPick' : 'partner.similarOpen') },
        { value: 'save', label: t('partner.similarSave'), kind: 'primary' },
      ],
    });
    return answer === 'open' ? twins[0]!.id : answer;
  };
}

const blank = { name: '', type: 'mbo', brin: '', kvk: '' };

/**
 * "Nieuwe partner…" under a partner picker: a small form in place (name, kind, BRIN, KvK) that
 * creates the partner and hands its id to the picker; the surrounding form stays as it was.
 */
export function QuickAddPartner({ onAdded, idPrefix }: { onAdded(id: string, type: OrganisationType): void; idPrefix: string }) {
  const [open, setOpen] = useState(false);
  const [f, setF] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { act, busy } = useAct();
  const all = useCall('organisation.list');
  const confirm = useConfirmNewPartner();
  const set = (k: keyof typeof blank) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  async function add() {
    if (!f.name.trim()) return setErrors({ name: t('val.required') });
    setErrors({});
    const answer = await confirm(f.name, all.data ?? [], { inPicker: true });
    if (answer === 'cancel') return;
    if (answer !== 'save') {
      // The existing partner is the one meant: pick it.
      onAdded(answer, (all.data ?? []).find((o) => o.id === answer)?.type ?? 'overig');
      setOpen(false);
      return;
    }
    await act(() => call('organisation.create', { ...f, type: f.type as OrganisationType, place: '', notes: '' }), {
      done: (o) => t('partner.quickAdded', { name: o.name }),
      then: (o) => {
        onAdded(o.id, o.type);
        setF(blank);
        setErrors({});
        setOpen(false);
      },
      failed: (e) => setErrors(e.fieldErrors()),
      inline: (e) => Object.keys(e.fieldErrors()).length > 0,
    });
  }

  if (!open)
    return (
      <button type="button" className="link-button quick-add" onClick={() => setOpen(true)}>
        {t('partner.quickAdd')}
      </button>
    );
  // Not a <form>: it lives inside the measure's or activity's form; Enter adds the partner only.
  return (
    <div
      className="subform quick-partner"
      role="group"
      aria-label={t('partner.quickAddTitle')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          void add();
        }
      }}
    >
      <h4>{t('partner.quickAddTitle')}</h4>
      <div className="row">
        <TextField label={t('field.name')} name={`${idPrefix}-new-name`} required value={f.name} onChange={set('name')} error={errors.name} />
        <SelectField label={t('field.type')} name={`${idPrefix}-new-type`} value={f.type} onChange={set('type')} options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: orgTypeLabel(ty) }))} />
        <TextField label={t('field.brin')} name={`${idPrefix}-new-brin`} value={f.brin} onChange={set('brin')} error={errors.brin} hint={t('partner.brinHint')} />
        <TextField label={t('field.kvk')} name={`${idPrefix}-new-kvk`} value={f.kvk} onChange={set('kvk')} error={errors.kvk} hint={t('partner.kvkHint')} inputMode="numeric" />
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void add()}>
          {t('partner.quickAddSave')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
