import { formatCount } from '../../../shared/participants';
import { Fragment } from 'react';
import { t, type MessageKey } from '../i18n';
import { formatCents } from '../format';
import { Money, OverFlag, pct } from '../components/Money';
import { budgetHref, type Filter } from './budgetRoute';
import type { Amounts, BudgetOverview } from '../../../shared/schemas/budget';
import { amounts } from '../../../shared/budget/rollup';
import { SpacerRow, usePageWindow } from '../components/Windowed';

type O = BudgetOverview;

const measureLabel = (m: { code: string; name: string }) => [m.code, m.name].filter(Boolean).join(' ');

/** Planned, realised, remaining and % in one cell; both amounts link to what is behind them. */
function Cell({ o, a, filter, what }: { o: O; a: Amounts | undefined; filter: Filter; what: string }) {
  if (!a) return <td className="cell empty"><span className="sr-only">{t('budget.noYearData')}</span>—</td>;
  const width = a.plannedCents > 0 ? Math.min(100, Math.max(0, (a.realisedCents * 100) / a.plannedCents)) : a.realisedCents > 0 ? 100 : 0;
  return (
    <td className={`cell${a.over ? ' over' : ''}`}>
      <a className="cell-main" href={budgetHref(o.programmeId, 'bestedingen', filter)} aria-label={t('budget.cellRealised', { what, amount: formatCents(a.realisedCents) })}>
        <Money cents={a.realisedCents} />
      </a>
      <div className="cell-sub">
        {t('budget.ofWord')}{' '}
        <a href={budgetHref(o.programmeId, 'regels', filter)} aria-label={t('budget.cellPlanned', { what, amount: formatCents(a.plannedCents) })}>
          <Money cents={a.plannedCents} />
        </a>
      </div>
      <div className="cell-sub">{a.over ? <OverFlag over /> : t('budget.left', { amount: formatCents(a.remainingCents) })}</div>
      <div className="cell-pct">
        <div className="bar" aria-hidden="true">
          <span style={{ width: `${width}%` }} />
        </div>
        <span>{pct(a.pctRealised)}</span>
      </div>
    </td>
  );
}

export function BudgetOverviewView({ o }: { o: O }) {
  const byId = new Map(o.measures.map((m) => [m.id, m]));
  const yearTotals = new Map(o.byYear.map((g) => [g.key as number, g]));
  const rows = o.matrix.filter((r) => byId.has(r.measureId));
  const matrixWindow = usePageWindow<HTMLTableSectionElement>(rows.length, 92);
  const measuresWindow = usePageWindow<HTMLTableSectionElement>(o.measures.length, 40);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('budget.awarded')}</dt>
          <dd className="num"><a href={budgetHref(o.programmeId, 'toekenningen')}><Money cents={o.total.awardedCents} /></a></dd>
        </div>
        <div>
          <dt>{t('budget.planned')}</dt>
          <dd className="num"><a href={budgetHref(o.programmeId, 'regels')}><Money cents={o.total.plannedCents} /></a></dd>
        </div>
        <div>
          <dt>{t('budget.realised')}</dt>
          <dd className="num"><a href={budgetHref(o.programmeId, 'bestedingen')}><Money cents={o.total.realisedCents} /></a> <span className="muted small">({pct(o.total.pctRealised)})</span></dd>
        </div>
        <div>
          <dt>{t('budget.remaining')}</dt>
          <dd className="num"><Money cents={o.total.remainingCents} /></dd>
        </div>
      </dl>

      <section className="card" aria-labelledby="matrix-h">
        <h2 id="matrix-h">{t('budget.matrix')}</h2>
        <p className="muted small">{t('budget.matrixHint')}</p>
        {rows.length === 0 ? (
          <p className="muted">{t('budget.noLines')}</p>
        ) : (
          <div className="scroll-x">
            <table className="table matrix" aria-labelledby="matrix-h">
              <thead>
                <tr>
                  <th scope="col">{t('budget.measure')}</th>
                  {o.years.map((y) => (
                    <th scope="col" key={y} className="num">{y}</th>
                  ))}
                  <th scope="col" className="num">{t('budget.total')}</th>
                </tr>
              </thead>
              <tbody ref={matrixWindow.anchor}>
                <SpacerRow height={matrixWindow.before} cols={o.years.length + 2} />
                {matrixWindow.indexes.map((i) => {
                  const r = rows[i]!;
                  const m = byId.get(r.measureId)!;
                  const cells = new Map(r.cells.map((c) => [c.key, amounts(c.plannedCents, c.realisedCents)]));
                  return (
                    <tr key={r.measureId} data-index={i} ref={matrixWindow.measure}>
                      <th scope="row" className="measure-cell">
                        <a href={budgetHref(o.programmeId, 'regels', { measureId: m.id })}>{measureLabel(m)}</a>
                      </th>
                      {o.years.map((y) => (
                        <Cell key={y} o={o} a={cells.get(y)} filter={{ measureId: m.id, year: y }} what={t('budget.cellWhat', { what: m.code || m.name, year: y })} />
                      ))}
                      <Cell o={o} a={amounts(m.plannedCents, m.realisedCents)} filter={{ measureId: m.id }} what={t('budget.cellWhatAll', { what: m.code || m.name })} />
                    </tr>
                  );
                })}
                <SpacerRow height={matrixWindow.after} cols={o.years.length + 2} />
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('budget.total')}</th>
                  {o.years.map((y) => (
                    <Cell key={y} o={o} a={yearTotals.get(y)} filter={{ year: y }} what={t('budget.cellWhatYear', { year: y })} />
                  ))}
                  <Cell o={o} a={o.total} filter={{}} what={t('budget.total')} />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <div className="stacked">
        <section className="card" aria-labelledby="measures-h">
          <h2 id="measures-h">{t('budget.measures')}</h2>
          <table className="table compact" aria-labelledby="measures-h">
            <thead>
              <tr>
                <th scope="col">{t('budget.measure')}</th>
                <th scope="col" className="num">{t('budget.cofin')}</th>
                <th scope="col" className="num">{t('budget.cofinPct')}</th>
                <th scope="col" className="num">{t('budget.participants')}</th>
                <th scope="col" className="num">{t('budget.perParticipant')}</th>
                <th scope="col" className="num">{t('budget.reached')}</th>
                <th scope="col" className="num">{t('budget.perReached')}</th>
              </tr>
            </thead>
            <tbody ref={measuresWindow.anchor}>
              <SpacerRow height={measuresWindow.before} cols={7} />
              {measuresWindow.indexes.map((i) => o.measures[i]!).map((m, j) => (
                <tr key={m.id} data-index={measuresWindow.indexes[j]} ref={measuresWindow.measure}>
                  <th scope="row" className="measure-cell">{measureLabel(m)}</th>
                  <td className="num">
                    {m.cofinLineCount > 0 ? (
                      <a href={budgetHref(o.programmeId, 'regels', { measureId: m.id, cofin: true })} aria-label={t('budget.cofinLink', { what: measureLabel(m), amount: formatCents(m.cofinCents) })}>
                        <Money cents={m.cofinCents} />
                      </a>
                    ) : (
                      <Money cents={m.cofinCents} />
                    )}
                    {m.cofinInKindCents > 0 && (
                      <div className="muted small">
                        {t('budget.cofinInKind')} <Money cents={m.cofinInKindCents} />
                      </div>
                    )}
                  </td>
                  <td className="num">{pct(m.cofinPct)}</td>
                  <td className="num">{formatCount(m.plannedParticipants)}</td>
                  <td className="num"><Money cents={m.perParticipantCents} /></td>
                  <td className="num">{formatCount(m.reachedParticipants)}</td>
                  <td className="num"><Money cents={m.perReachedCents} /></td>
                </tr>
              ))}
              <SpacerRow height={measuresWindow.after} cols={7} />
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="vrijval-h">
          <h2 id="vrijval-h">{t('budget.vrijval')}</h2>
          <p className="muted small">{t('budget.vrijvalHint')}</p>
          <div className="scroll-x">
            <table className="table matrix vrijval-grid" aria-labelledby="vrijval-h">
              <thead>
                <tr>
                  <th scope="col">{t('budget.stream')}</th>
                  {o.years.map((y) => (
                    <th scope="col" key={y} className="num">{y}</th>
                  ))}
                  <th scope="col" className="num">{t('budget.total')}</th>
                </tr>
              </thead>
              <tbody>
                {[...new Set(o.vrijval.map((v) => v.stream))].map((stream) => {
                  const rows = o.vrijval.filter((v) => v.stream === stream);
                  const sum = (k: 'awardedCents' | 'realisedCents' | 'vrijvalCents') => rows.reduce((s, v) => s + v[k], 0);
                  const name = t(`source.${stream}` as MessageKey);
                  const cell = (aw: number, re: number, vr: number, filter: Filter, what: string) => (
                    <td className="cell">
                      <div className="cell-sub">
                        <span className="sr-only">{t('budget.awarded')} </span>
                        <Money cents={aw} />
                      </div>
                      <div className="cell-sub">
                        <a href={budgetHref(o.programmeId, 'bestedingen', filter)} aria-label={t('budget.cellRealised', { what, amount: formatCents(re) })}>
                          <Money cents={re} />
                        </a>
                      </div>
                      <div className="cell-main">
                        <span className="sr-only">{t('budget.vrijvalCol')} </span>
                        <Money cents={vr} />
                      </div>
                    </td>
                  );
                  return (
                    <tr key={stream}>
                      <th scope="row" className="measure-cell">
                        <div className="legend-row">
                          <span>{name}</span>
                          <span className="legend" aria-hidden="true">
                            <span>{t('budget.awarded')}</span>
                            <span>{t('budget.realised')}</span>
                            <strong>{t('budget.vrijvalCol')}</strong>
                          </span>
                        </div>
                      </th>
                      {o.years.map((y) => {
                        const v = rows.find((r) => r.year === y);
                        return v ? <Fragment key={y}>{cell(v.awardedCents, v.realisedCents, v.vrijvalCents, { fundingSource: stream, year: y }, `${name} ${y}`)}</Fragment> : <td key={y} className="cell empty">—</td>;
                      })}
                      {cell(sum('awardedCents'), sum('realisedCents'), sum('vrijvalCents'), { fundingSource: stream }, name)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}

const breakdownTitle: Record<'fundingSource' | 'partnerId' | 'category', MessageKey> = {
  fundingSource: 'budget.source',
  partnerId: 'budget.partner',
  category: 'budget.category',
};

/** One breakdown (by source, partner or category) with every figure linked to its lines and entries. */
export function BudgetBreakdown({ o, kind }: { o: O; kind: 'fundingSource' | 'partnerId' | 'category' }) {
  const groups = kind === 'fundingSource' ? o.byFundingSource : kind === 'partnerId' ? o.byPartner : o.byCategory;
  const awarded = new Map<string, number>();
  for (const v of o.vrijval) awarded.set(v.stream, (awarded.get(v.stream) ?? 0) + v.awardedCents);
  const filterOf = (key: string | number | null): Filter => ({ [kind]: key }) as Filter;
  const title = t(breakdownTitle[kind]);
  return (
    <section className="card" aria-labelledby="breakdown-h">
      <h2 id="breakdown-h">{t('budget.breakdownTitle', { what: title.toLowerCase() })}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('budget.noLines')}</p>
      ) : (
        <table className="table" aria-labelledby="breakdown-h">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              {kind === 'fundingSource' && <th scope="col" className="num">{t('budget.awarded')}</th>}
              <th scope="col" className="num">{t('budget.planned')}</th>
              {kind === 'partnerId' && <th scope="col" className="num">{t('budget.cofinInKind')}</th>}
              <th scope="col" className="num">{t('budget.realised')}</th>
              <th scope="col" className="num">{t('budget.remaining')}</th>
              <th scope="col" className="num">{t('budget.pctRealised')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={String(g.key)} className={g.over ? 'over' : undefined}>
                <th scope="row">{g.label}</th>
                {kind === 'fundingSource' && <td className="num">{awarded.has(String(g.key)) ? <Money cents={awarded.get(String(g.key))!} /> : '—'}</td>}
                <td className="num">
                  <a href={budgetHref(o.programmeId, 'regels', filterOf(g.key))} aria-label={t('budget.cellPlanned', { what: g.label, amount: formatCents(g.plannedCents) })}>
                    <Money cents={g.plannedCents} />
                  </a>
                </td>
                {kind === 'partnerId' && <td className="num"><Money cents={g.inKindCents} /></td>}
                <td className="num">
                  <a href={budgetHref(o.programmeId, 'bestedingen', filterOf(g.key))} aria-label={t('budget.cellRealised', { what: g.label, amount: formatCents(g.realisedCents) })}>
                    <Money cents={g.realisedCents} />
                  </a>
                </td>
                <td className="num"><Money cents={g.remainingCents} /> <OverFlag over={g.over} /></td>
                <td className="num">{pct(g.pctRealised)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('budget.total')}</th>
              {kind === 'fundingSource' && <td className="num"><Money cents={o.total.awardedCents} /></td>}
              <td className="num"><Money cents={o.total.plannedCents} /></td>
              {kind === 'partnerId' && <td className="num"><Money cents={groups.reduce((s, g) => s + g.inKindCents, 0)} /></td>}
              <td className="num"><Money cents={o.total.realisedCents} /></td>
              <td className="num"><Money cents={o.total.remainingCents} /></td>
              <td className="num">{pct(o.total.pctRealised)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
