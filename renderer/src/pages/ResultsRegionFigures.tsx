/** DUO VSV figures of the region per school year and type of education, pasted or typed, charted against the national norm. */
import { valueAxis } from '../../../shared/results/axis';
import { DisabledWhy } from '../components/DisabledWhy';
import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t, type MessageKey } from '../i18n';
import { SelectField, TextArea, TextField } from '../components/Field';
import { formatNumber, parseNumberInput, percentReading, readPercentage } from '../../../shared/results/format';
import { parseRegionPaste, type PastedFigure } from '../../../shared/results/paste';
import { ONDERWIJSSOORTEN, type RegionFigure } from '../../../shared/schemas/results';
import { isSchoolYear } from '../../../shared/results/schoolYear';
import { href } from '../router';

const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 2)}%`);
const soortLabel = (s: string) => t(`onderwijssoort.${s}` as MessageKey);

/** A count DUO suppressed for privacy is empty, shown as a dash, never as 0. */
const count = (v: number | null) => (v === null ? '—' : formatNumber(v));

function SoortChart({ soort, figures }: { soort: string; figures: RegionFigure[] }) {
  // Per school year the definitive figure if there is one, else the provisional one; a year whose
  // percentage DUO suppressed has no point.
  const years = [...new Set(figures.map((f) => f.schoolYear))].sort();
  const points = years
    .map((y) => {
      const fs = figures.filter((f) => f.schoolYear === y);
      return fs.find((f) => f.status === 'definitief') ?? fs[0]!;
    })
    .filter((f): f is RegionFigure & { percentage: number } => f.percentage !== null);
  if (!points.length) return null;
  const W = 250;
  const H = 110;
  const pad = { l: 40, r: 22, t: 10, b: 22 };
  const norms = points.map((p) => p.nationalNorm).filter((n): n is number => n !== null);
  const vals = [...points.map((p) => p.percentage), ...norms];
  // A VSV rate is read against 0 (shared/results/axis.ts): 1,8% -> 2,3% is not drawn as a leap.
  const axis = valueAxis(vals, 'percentage');
  const lo = axis.lo - (axis.hi - axis.lo) * 0.04;
  const hi = axis.hi + (axis.hi - axis.lo) * 0.04;
  const x = (i: number) => pad.l + (points.length === 1 ? 0.5 : i / (points.length - 1)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  const last = points[points.length - 1];
  const above = last && last.nationalNorm !== null && last.percentage > last.nationalNorm;
  const label = [
    t('regionFigures.chartLabel', { soort: soortLabel(soort) }),
    ...(last ? [t('regionFigures.chartLast', { value: pct(last.percentage), year: last.schoolYear })] : []),
    ...(last && last.nationalNorm !== null ? [t('regionFigures.normValue', { value: pct(last.nationalNorm) }), above ? t('regionFigures.aboveNorm') : t('regionFigures.belowNorm')] : []),
  ].join(', ');
  return (
    <figure className="soort-chart">
      <figcaption>
        <strong>{soortLabel(soort)}</strong>{' '}
        {last && last.nationalNorm !== null && (
          <span className={above ? 'rstatus rstatus-achter small' : 'rstatus rstatus-behaald small'}>
            <span aria-hidden="true">{above ? '▲' : '▼'}</span> {above ? t('regionFigures.aboveNorm') : t('regionFigures.belowNorm')}
          </span>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width="100%">
        <title>{label}</title>
        {axis.ticks.map((v, i) => (
          <g key={i}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="trend-grid" />
            <text x={pad.l - 4} y={y(v) + 3} textAnchor="end" className="trend-axis">
              {`${formatNumber(v, 2)}%`}
            </text>
          </g>
        ))}
        {points.length > 1 && points.some((p) => p.nationalNorm !== null) && (
          <path
            d={points.map((p, i) => (p.nationalNorm === null ? '' : `${i ? 'L' : 'M'}${x(i)},${y(p.nationalNorm)}`)).join(' ')}
            className="norm-line"
          />
        )}
        <path d={points.map((p, i) => `${i ? 'L' : 'M'}${x(i)},${y(p.percentage)}`).join(' ')} className="trend-line" />
        {points.map((p, i) => (
          <g key={p.id}>
            <circle cx={x(i)} cy={y(p.percentage)} r={3.5} className={p.status === 'voorlopig' ? 'trend-point trend-provisional' : 'trend-point'}>
              <title>{`${p.schoolYear}: ${pct(p.percentage)} (${t(`measurementStatus.${p.status}` as MessageKey).toLowerCase()})`}</title>
            </circle>
            {(i === 0 || i === points.length - 1) && (
              <text x={x(i)} y={H - 6} textAnchor="middle" className="trend-axis">
                {p.schoolYear.slice(2, 5) + p.schoolYear.slice(7)}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}

function PasteBox() {
  const { act } = useAct();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ rows: PastedFigure[]; errors: { line: number; message: string }[] } | null>(null);
  async function save() {
    if (!preview?.rows.length) return;
    await act(() => call('regionFigure.save', { rows: preview.rows as never }), {
      done: t('regionFigures.saved', { n: preview.rows.length }),
      then: () => {
        setText('');
        setPreview(null);
      },
    });
  }
  return (
    <section className="card" aria-labelledby="paste-h">
      <h2 id="paste-h">{t('regionFigures.paste')}</h2>
      <p className="small muted">{t('regionFigures.pasteHelp')}</p>
      <TextArea label={t('regionFigures.pasteField')} name="paste" rows={5} value={text} onChange={(v) => { setText(v); setPreview(parseRegionPaste(v)); }} />
      {preview && (
        <div role="status">
          <p className="small">{t('regionFigures.pasteRead', { n: preview.rows.length })}</p>
          {preview.errors.length > 0 && (
            <ul className="error-box small">
              {preview.errors.map((e) => (
                <li key={e.line}>{t('regionFigures.lineError', { line: e.line, message: e.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="button" className="primary" disabled={!preview?.rows.length} aria-describedby={!preview?.rows.length ? 'paste-why' : undefined} onClick={() => void save()}>
        {t('regionFigures.pasteSave')}
      </button>{' '}
      <DisabledWhy id="paste-why" show={!preview?.rows.length} reason={t('regionFigures.pasteNeedsRows')} />
    </section>
  );
}

function AddFigure() {
  const { act } = useAct();
  const [f, setF] = useState({ schoolYear: '', onderwijssoort: 'mbo2', students: '', leavers: '', status: 'voorlopig', definitionVersion: '', nationalNorm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!isSchoolYear(f.schoolYear.trim())) errs.schoolYear = t('val.schoolYear');
    const students = parseNumberInput(f.students);
    const leavers = parseNumberInput(f.leavers);
    if (students === null || !Number.isInteger(students)) errs.students = t('val.wholeNumber');
    if (leavers === null || !Number.isInteger(leavers)) errs.leavers = t('val.wholeNumber');
    // The norm is a percentage: it says how it was read ("0.975" is 0,975%, never 975).
    const norm = f.nationalNorm.trim() ? readPercentage(f.nationalNorm) : { value: null };
    const normV = norm.value;
    if (norm.error) errs.nationalNorm = norm.error;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const row = { schoolYear: f.schoolYear.trim(), onderwijssoort: f.onderwijssoort as 'mbo2', students: students!, leavers: leavers!, percentage: null, nationalNorm: normV, status: f.status as 'voorlopig', definitionVersion: f.definitionVersion, source: t('regionFigures.manual') };
    await act(() => call('regionFigure.save', { rows: [row] }), {
      done: t('regionFigures.saved', { n: 1 }),
      // The core names the field of row 0; the form has the one row.
      failed: (err) => setErrors(Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k.replace(/^rows\.\d+\./, ''), v]))),
    });
  }
  return (
    <form className="form card" aria-labelledby="add-fig-h" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="add-fig-h">{t('regionFigures.add')}</h2>
      <div className="row">
        <TextField label={t('field.schoolYear')} name="schoolYear" value={f.schoolYear} onChange={set('schoolYear')} error={errors.schoolYear} placeholder="2025/2026" />
        <SelectField label={t('field.onderwijssoort')} name="onderwijssoort" value={f.onderwijssoort} onChange={set('onderwijssoort')} options={ONDERWIJSSOORTEN.map((s) => ({ value: s, label: soortLabel(s) }))} />
        <TextField label={t('field.students')} name="students" value={f.students} onChange={set('students')} error={errors.students} inputMode="numeric" />
        <TextField label={t('field.leavers')} name="leavers" value={f.leavers} onChange={set('leavers')} error={errors.leavers} inputMode="numeric" />
      </div>
      <div className="row">
        <SelectField label={t('field.figureStatus')} name="status" value={f.status} onChange={set('status')} options={['voorlopig', 'definitief'].map((s) => ({ value: s, label: t(`measurementStatus.${s}` as MessageKey) }))} />
        <TextField label={t('field.definitionVersion')} name="definitionVersion" value={f.definitionVersion} onChange={set('definitionVersion')} />
        <TextField label={t('field.nationalNorm')} name="nationalNorm" value={f.nationalNorm} onChange={set('nationalNorm')} error={errors.nationalNorm} inputMode="decimal" hint={percentReading(f.nationalNorm)} />
      </div>
      <div className="form-actions">
        <button type="submit">{t('action.save')}</button>
      </div>
    </form>
  );
}

export function ResultsRegionFigures() {
  const { data, error } = useCall('regionFigure.list');
  const years = [...new Set((data ?? []).map((f) => f.schoolYear))].sort();
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('regionFigures.title')}</h1>
        <div className="actions">
          <a className="button primary" href={href('vsv-cijfers', 'duo')}>
            {t('duo.open')}
          </a>
        </div>
      </header>
      <p className="lead">{t('regionFigures.intro')}</p>
      {error && <p className="error-box" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="muted">{t('regionFigures.empty')}</p>}
      {data && data.length > 0 && (
        <>
          <section className="card" aria-labelledby="chart-h">
            <h2 id="chart-h">{t('regionFigures.chart')}</h2>
            <p className="small muted">
              <span className="lg lg-point" aria-hidden="true" /> {t('regionFigures.legendRegion')} <span className="lg lg-norm" aria-hidden="true" /> {t('regionFigures.legendNorm')}{' '}
              <span className="lg lg-prov" aria-hidden="true" /> {t('measurementStatus.voorlopig').toLowerCase()}
            </p>
            <div className="soort-grid">
              {ONDERWIJSSOORTEN.filter((s) => data.some((f) => f.onderwijssoort === s)).map((s) => (
                <SoortChart key={s} soort={s} figures={data.filter((f) => f.onderwijssoort === s)} />
              ))}
            </div>
          </section>
          <section className="card" aria-labelledby="table-h">
            <h2 id="table-h">{t('regionFigures.table')}</h2>
            <div className="table-scroll">
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('field.onderwijssoort')}</th>
                    {years.map((y) => (
                      <th key={y} scope="col" className="num">
                        {y}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ONDERWIJSSOORTEN.map((s) => (
                    <tr key={s}>
                      <th scope="row">{soortLabel(s)}</th>
                      {years.map((y) => {
                        const fs = data.filter((f) => f.onderwijssoort === s && f.schoolYear === y);
                        const f = fs.find((x) => x.status === 'definitief') ?? fs[0];
                        return (
                          <td key={y} className="num">
                            {f ? (
                              <>
                                {f.percentage === null ? <span title={t('regionFigures.suppressed')}>—</span> : pct(f.percentage)}
                                <div className="small muted">
                                  {count(f.leavers)} / {count(f.students)}
                                  {f.status === 'voorlopig' ? ` · ${t('measurementStatus.voorlopig').toLowerCase()}` : ''}
                                </div>
                                {f.nationalNorm !== null && <div className="small muted">{t('regionFigures.normValue', { value: pct(f.nationalNorm) })}</div>}
                              </>
                            ) : (
                              '—'
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      <PasteBox />
      <AddFigure />
    </div>
  );
}
