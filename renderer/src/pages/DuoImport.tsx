/**
 * DUO-bestand inlezen (#/vsv-cijfers/duo): choose a DUO VSV file, see how it was read and which
 * column means what (correctable), per row what happens and per region figure new / changed /
 * unchanged, then apply. Every change of a choice asks the core for a new dry run; nothing is
 * written before "Inlezen".
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { call } from '../api';
import { useAct } from '../useAct';
import { go, href } from '../router';
import { t, type MessageKey } from '../i18n';
import { SelectField } from '../components/Field';
import { formatNumber } from '../../../shared/results/format';
import { toBase64 } from './ExchangePage';
import { DUO_FIELDS, DUO_REQUIRED, type DuoField, type DuoMapping, type DuoPlan } from '../../../shared/schemas/duo';

type Choices = { status: 'voorlopig' | 'definitief' | null; yearIs: 'begin' | 'eind' | null; mapping: DuoMapping | null };
const noChoices: Choices = { status: null, yearIs: null, mapping: null };

const n = (v: number | null) => (v === null ? '—' : formatNumber(v));
const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 2)}%`);
const soort = (s: string) => t(`onderwijssoort.${s}` as MessageKey);
const statusWord = (s: string) => t(`measurementStatus.${s}` as MessageKey).toLowerCase();

function FormatLine({ plan }: { plan: DuoPlan }) {
  const f = plan.format;
  const parts =
    f.kind === 'xlsx'
      ? [t('duo.read.xlsx', { sheet: f.sheet ?? '' })]
      : [t('duo.read.csv'), t(`duo.read.encoding.${f.encoding ?? 'utf-8'}` as MessageKey), t(`duo.read.sep.${f.separator === ';' ? 'semicolon' : f.separator === ',' ? 'comma' : 'tab'}` as MessageKey)];
  return (
    <p className="small">
      {parts.join(' · ')} · {t('duo.read.headerRow', { row: f.headerRow })}
      {plan.notices.map((x) => (
        <span key={x} className="muted"> · {x}</span>
      ))}
    </p>
  );
}

function MappingTable({ plan, mapping, onChange }: { plan: DuoPlan; /** The user's choices so far (ahead of the plan while it is redone). */ mapping: DuoMapping; onChange(m: DuoMapping): void }) {
  const options = plan.headers.filter(Boolean).map((h) => ({ value: h, label: h }));
  const required = new Set<DuoField>(DUO_REQUIRED);
  return (
    <table className="table compact duo-mapping">
      <caption className="sr-only">{t('duo.mapping')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('duo.mapping.field')}</th>
          <th scope="col">{t('duo.mapping.column')}</th>
        </tr>
      </thead>
      <tbody>
        {DUO_FIELDS.map((f) => (
          <tr key={f} className={plan.missing.includes(f) ? 'row-missing' : undefined}>
            <th scope="row">
              {t(`duo.field.${f}` as MessageKey)}
              {required.has(f) && <span aria-hidden="true"> *</span>}
            </th>
            <td>
              <SelectField
                label={t('duo.mapping.columnFor', { field: t(`duo.field.${f}` as MessageKey) })}
                name={`map-${f}`}
                value={mapping[f] ?? ''}
                onChange={(v) => onChange({ ...mapping, [f]: v || null })}
                options={options}
                placeholder={t('duo.mapping.none')}
                error={plan.missing.includes(f) ? t('duo.mapping.needed') : undefined}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DuoImport() {
  const { act, busy } = useAct();
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [plan, setPlan] = useState<DuoPlan | null>(null);
  const planRequest = useRef(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [showMapping, setShowMapping] = useState(false);

  async function dryRun(f: { fileName: string; base64: string }, c: Choices) {
    // Two choices made quickly: only the answer to the latest one is shown.
    const asked = ++planRequest.current;
    await act(() => call('duo.plan', { ...f, options: c }), {
      then: (p) => {
        if (asked !== planRequest.current) return;
        setPlan(p);
        setRefusal(null);
        if (p.missing.length) setShowMapping(true);
      },
      // Why the file was refused stays on the page.
      failed: (err) => {
        setPlan(null);
        setRefusal(err.message);
      },
      inline: true,
    });
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    const input = { fileName: f.name, base64: toBase64(await f.arrayBuffer()) };
    setFile(input);
    setChoices(noChoices);
    setShowMapping(false);
    await dryRun(input, noChoices);
  }

  const choose = (c: Partial<Choices>) => {
    const next = { ...choices, ...c };
    setChoices(next);
    if (file) void dryRun(file, next);
  };

  async function apply() {
    if (!file || !plan) return;
    await act(() => call('duo.apply', { ...file, options: choices, sha256: plan.sha256 }), {
      done: (r) => (r.applied ? t('duo.applied', { n: r.applied }) : t('duo.appliedNothing')),
      then: () => go('vsv-cijfers'),
    });
  }

  const toApply = plan ? plan.counts.new + plan.counts.changed : 0;
  const regionRows = plan?.rows ?? [];
  const shownRows = regionRows.slice(0, 300);
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('vsv-cijfers')}>{t('regionFigures.title')}</a> / <span>{t('duo.title')}</span>
      </nav>
      <header className="page-head">
        <h1>{t('duo.title')}</h1>
      </header>
      <p className="lead">{t('duo.intro')}</p>

      <section className="card" aria-labelledby="duo-file-h">
        <h2 id="duo-file-h">{t('duo.step.file')}</h2>
        <label className="field" htmlFor="duo-file">
          <span>{t('duo.chooseFile')}</span>
          <input id="duo-file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy} onChange={(e) => void onFile(e)} />
        </label>
        <p className="small muted">{t('duo.fileHint')}</p>
        {refusal && (
          <div className="error-box" role="alert">
            {refusal}
          </div>
        )}
        {plan && <FormatLine plan={plan} />}
      </section>

      {plan && (
        <>
          {plan.problems.length > 0 && (
            <div className="error-box" role="alert" aria-label={t('duo.problems')}>
              <ul className="plain">
                {plan.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}

          <section className="card" aria-labelledby="duo-choices-h">
            <h2 id="duo-choices-h">{t('duo.step.choices')}</h2>
            <p className="small">
              {plan.regionBy
                ? t('duo.regionBy', { region: `${String(plan.region.number).padStart(2, '0')} ${plan.region.name}`, by: t(`duo.field.${plan.regionBy}` as MessageKey) })
                : t('duo.regionByNone')}
              {plan.otherRegions.length > 0 && ` ${t('duo.otherRegions', { list: plan.otherRegions.slice(0, 6).map((o) => t('duo.regionRows', { label: o.label, n: o.rows })).join(', ') })}`}
            </p>
            <div className="row duo-choices">
              {plan.statusFrom !== 'column' && (
                <SelectField
                  label={t('duo.statusChoice')}
                  name="status"
                  value={choices.status ?? plan.status ?? ''}
                  onChange={(v) => choose({ status: (v || null) as Choices['status'] })}
                  options={['voorlopig', 'definitief'].map((s) => ({ value: s, label: t(`measurementStatus.${s}` as MessageKey) }))}
                  placeholder={t('duo.statusPick')}
                  hint={plan.statusFrom === 'fileName' && !choices.status ? t('duo.statusFromName') : undefined}
                />
              )}
              {plan.singleYears && (
                <SelectField
                  label={t('duo.yearIs')}
                  name="yearIs"
                  value={choices.yearIs ?? ''}
                  onChange={(v) => choose({ yearIs: (v || null) as Choices['yearIs'] })}
                  options={[
                    { value: 'begin', label: t('duo.yearIs.begin') },
                    { value: 'eind', label: t('duo.yearIs.eind') },
                  ]}
                  placeholder={t('duo.statusPick')}
                />
              )}
            </div>
            <p className="small">
              {t(`duo.mappingFrom.${plan.mappingFrom}` as MessageKey)}{' '}
              <button type="button" className="link-button" aria-expanded={showMapping} onClick={() => setShowMapping((s) => !s)}>
                {showMapping ? t('duo.mapping.hide') : t('duo.mapping.show')}
              </button>
            </p>
            {showMapping && <MappingTable plan={plan} mapping={choices.mapping ?? plan.mapping} onChange={(m) => choose({ mapping: m })} />}
          </section>

          <section className="card" aria-labelledby="duo-figures-h">
            <h2 id="duo-figures-h">{t('duo.step.figures')}</h2>
            <p className="small">{t('duo.countsLine', { new: plan.counts.new, changed: plan.counts.changed, unchanged: plan.counts.unchanged, rejected: plan.counts.rejected })}</p>
            {plan.figures.length === 0 ? (
              <p className="muted">{t('duo.noFigures')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table compact" aria-labelledby="duo-figures-h">
                  <thead>
                    <tr>
                      <th scope="col">{t('field.schoolYear')}</th>
                      <th scope="col">{t('field.onderwijssoort')}</th>
                      <th scope="col">{t('field.figureStatus')}</th>
                      <th scope="col" className="num">{t('field.students')}</th>
                      <th scope="col" className="num">{t('field.leavers')}</th>
                      <th scope="col" className="num">{t('duo.percentage')}</th>
                      <th scope="col">{t('duo.now')}</th>
                      <th scope="col">{t('duo.outcome')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.figures.map((f) => (
                      <tr key={f.key}>
                        <td>{f.schoolYear}</td>
                        <td>{soort(f.onderwijssoort)}</td>
                        <td>{statusWord(f.status)}</td>
                        <td className="num">{n(f.students)}</td>
                        <td className="num">{n(f.leavers)}</td>
                        <td className="num">{pct(f.percentage)}</td>
                        <td className="small muted">{f.old ? `${n(f.old.leavers)} / ${n(f.old.students)} · ${pct(f.old.percentage)}` : '—'}</td>
                        <td>
                          <span className={`badge st-${f.outcome}`}>{t(`duo.outcome.${f.outcome}` as MessageKey)}</span>
                          {f.suppressed.length > 0 && (
                            <div className="small muted">{t('duo.suppressedFigure', { fields: f.suppressed.map((x) => t(`duo.field.${x}` as MessageKey)).join(', ') })}</div>
                          )}
                          {f.messages.map((m) => (
                            <div key={m} className={f.outcome === 'rejected' ? 'field-error small' : 'small muted'}>
                              {m}
                            </div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="form-actions">
              <button type="button" className="primary" disabled={busy || plan.problems.length > 0 || toApply === 0} onClick={() => void apply()}>
                {toApply ? t('duo.apply', { n: toApply }) : t('duo.nothingToApply')}
              </button>
              <a className="button" href={href('vsv-cijfers')}>
                {t('action.cancel')}
              </a>
            </div>
          </section>

          {regionRows.length > 0 && (
            <section className="card" aria-labelledby="duo-rows-h">
              <h2 id="duo-rows-h">{t('duo.step.rows', { n: regionRows.length })}</h2>
              <div className="table-scroll">
                <table className="table compact" aria-labelledby="duo-rows-h">
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t('duo.row')}</th>
                      <th scope="col">{t('duo.outcome')}</th>
                      <th scope="col">{t('duo.figure')}</th>
                      <th scope="col">{t('duo.explanation')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shownRows.map((r) => (
                      <tr key={r.row}>
                        <td className="num">{r.row}</td>
                        <td>
                          <span className={`badge st-row-${r.outcome}`}>{t(`duo.rowOutcome.${r.outcome}` as MessageKey)}</span>
                        </td>
                        <td>{r.figure ?? '—'}</td>
                        <td className="small">
                          {r.messages.map((m) => (
                            <div key={m} className={r.outcome === 'error' ? 'field-error' : undefined}>
                              {m}
                            </div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {regionRows.length > shownRows.length && <p className="small muted">{t('duo.moreRows', { n: regionRows.length - shownRows.length })}</p>}
            </section>
          )}
        </>
      )}
    </div>
  );
}
