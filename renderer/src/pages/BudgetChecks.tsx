import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useAct } from '../useAct';
import { useNotify } from '../notify';
import { t } from '../i18n';
import { TextArea, TextField } from '../components/Field';
import { CheckField } from '../components/Check';
import { budgetHref, type Filter } from './budgetRoute';
import { href } from '../router';
import { centsToInput, parseMoney } from '../../../shared/money';
import type { BudgetOverview, CheckFinding } from '../../../shared/schemas/budget';

function RulesForm({ o }: { o: BudgetOverview }) {
  const notify = useNotify();
  const { act } = useAct();
  const [f, setF] = useState({
    managementMaxPct: String(o.rules.managementMaxPct),
    managementMax: centsToInput(o.rules.managementMaxCents),
    plusMinPct: String(o.rules.plusMinPct),
    plusReason: o.rules.plusReason,
    checkAwards: o.rules.checkAwards,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const pctOf = (s: string, k: string) => {
      const n = Number(s.trim());
      if (!/^\d{1,3}$/.test(s.trim()) || n > 100) errs[k] = t('val.pct');
      return n;
    };
    const managementMaxPct = pctOf(f.managementMaxPct, 'managementMaxPct');
    const plusMinPct = pctOf(f.plusMinPct, 'plusMinPct');
    const money = parseMoney(f.managementMax);
    if (!money.ok) errs.managementMaxCents = money.message;
    setErrors(errs);
    if (Object.keys(errs).length || !money.ok) return notify(t('val.fixFields'), 'error');
    await act(() => call('budget.rules.update', { programmeId: o.programmeId, managementMaxPct, managementMaxCents: money.cents, plusMinPct, plusReason: f.plusReason, checkAwards: f.checkAwards }), {
      done: t('budget.rulesSaved'),
      failed: (err) => setErrors(err.fieldErrors()),
    });
  }
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('entity.budgetRules')}>
      <h2>{t('entity.budgetRules')}</h2>
      <p className="muted small">{t('budget.rulesDefaults')}</p>
      <div className="row">
        <TextField label={t('field.managementMaxPct')} name="managementMaxPct" value={f.managementMaxPct} onChange={(v) => setF({ ...f, managementMaxPct: v })} error={errors.managementMaxPct} inputMode="numeric" />
        <TextField label={t('field.managementMaxCents')} name="managementMaxCents" value={f.managementMax} onChange={(v) => setF({ ...f, managementMax: v })} error={errors.managementMaxCents} inputMode="decimal" />
        <TextField label={t('field.plusMinPct')} name="plusMinPct" value={f.plusMinPct} onChange={(v) => setF({ ...f, plusMinPct: v })} error={errors.plusMinPct} inputMode="numeric" />
      </div>
      <TextArea label={t('field.plusReason')} name="plusReason" rows={3} value={f.plusReason} onChange={(v) => setF({ ...f, plusReason: v })} error={errors.plusReason} />
      <CheckField label={t('budget.checkAwardsLabel')} name="checkAwards" checked={f.checkAwards} onChange={(v) => setF({ ...f, checkAwards: v })} />
      <div className="form-actions">
        <button type="submit" className="primary">{t('action.save')}</button>
      </div>
    </form>
  );
}

/** The lines behind a finding: by year and source where that is exactly them (short routes), else by id. */
function filterOf(c: CheckFinding): Filter {
  if ((c.code === 'award_exceeded' || c.code === 'plus_share') && c.year !== null && c.stream) return { year: c.year, fundingSource: c.stream };
  if (c.code === 'outside_period' && c.year !== null) return { year: c.year };
  return { lineIds: c.lineIds };
}

export function BudgetChecks({ programmeId, o, checks }: { programmeId: string; o: BudgetOverview; checks: CheckFinding[] | undefined }) {
  return (
    <div className="grid-2 wide-left">
      <section className="card" aria-labelledby="checks-h">
        <h2 id="checks-h">{t('budget.checksTitle')}</h2>
        <p className="muted small">{t('budget.checksIntro')}</p>
        {!checks ? (
          <div aria-busy="true" />
        ) : checks.length === 0 ? (
          <p className="ok-box">{t('budget.noChecks')}</p>
        ) : (
          <ul className="checks-list" aria-labelledby="checks-h">
            {checks.map((c, i) => (
              <li key={i} className={`check check-${c.severity}`}>
                <span className={`badge badge-${c.severity}`}>{t(`budget.severity.${c.severity}`)}</span> {c.message}
                <div className="check-links">
                  {c.lineIds.length > 0 && <a href={budgetHref(programmeId, 'regels', filterOf(c))}>{t('budget.checkLines', { n: c.lineIds.length })}</a>}
                  {(c.awardIds.length > 0 || c.code === 'awarded_total') && <a href={budgetHref(programmeId, 'toekenningen')}>{t('budget.checkAwards')}</a>}
                  {c.code === 'awarded_total' && <a href={href('programmas', programmeId, 'bewerken')}>{t('budget.checkProgramme')}</a>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RulesForm key={JSON.stringify(o.rules)} o={o} />
    </div>
  );
}
