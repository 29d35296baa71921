import { useState } from 'react';
import { useCall } from '../useLoad';
import { t, type MessageKey } from '../i18n';
import { formatCents, formatDate } from '../format';
import { Money } from '../components/Money';
import { budgetHref, filterParts, type Filter } from './budgetRoute';
import { Pager, pageOf } from '../components/Pager';
import type { BudgetOverview } from '../../../shared/schemas/budget';

/** What a filter stands for, in words: "1.1 Verzuimaanpak · 2026". */
export function describeFilter(o: BudgetOverview, f: Filter): string {
  const parts: string[] = [];
  const m = f.measureId ? o.measures.find((x) => x.id === f.measureId) : undefined;
  if (m) parts.push([m.code, m.name].filter(Boolean).join(' '));
  if (f.year !== undefined) parts.push(String(f.year));
  if (f.fundingSource) parts.push(t(`source.${f.fundingSource}` as MessageKey));
  if (f.category) parts.push(t(`category.${f.category}` as MessageKey));
  if (f.partnerId !== undefined) parts.push(f.partnerId === null ? t('budget.noPartner') : (o.byPartner.find((g) => g.key === f.partnerId)?.label ?? ''));
  if (f.lineIds) parts.push(t('budget.filteredLinesShort', { n: f.lineIds.length }));
  return parts.length ? parts.join(' · ') : t('budget.filterAll');
}

/** The drill-down: every entry behind a figure, with its total. */
export function BudgetSpend({ programmeId, filter, o }: { programmeId: string; filter: Filter; o: BudgetOverview }) {
  // A page of entries at a time; count and total come with it, summed in the core over every matching entry.
  const filterKey = JSON.stringify([programmeId, filter]);
  const [at, setAt] = useState({ key: filterKey, offset: 0 });
  const offset = pageOf(at, filterKey);
  const q = useCall('spend.page', { programmeId, ...filter, offset }, { keepPrevious: true });
  const { error } = q;
  const page = q.data;
  const data = page?.spend;
  const what = describeFilter(o, filter);
  const total = page?.amountCents ?? 0;
  const count = page?.total ?? 0;
  return (
    <section className="card" aria-labelledby="spend-h">
      <div className="page-head">
        <h2 id="spend-h">{t('budget.entriesFor', { what })}</h2>
        <div className="actions">
          <a className="button" href={budgetHref(programmeId, 'regels', filter)}>{t('budget.showLinesShort')}</a>
          {filterParts(filter).length > 0 && <a className="button" href={budgetHref(programmeId, 'bestedingen')}>{t('budget.clearFilter')}</a>}
          <a className="button" href={budgetHref(programmeId, 'overzicht')}>{t('budget.backToOverview')}</a>
        </div>
      </div>
      {error && <p className="error-box">{error}</p>}
      {data && <p className="muted" role="status">{t('budget.spendCount', { n: count, count: count.toLocaleString('nl-NL'), amount: formatCents(total) })}</p>}
      {page && <Pager offset={page.offset} limit={page.limit} total={page.total} what="pager.spend" onPage={(x) => setAt({ key: filterKey, offset: x })} />}
      {data && data.length > 0 && (
        <table className="table compact" aria-labelledby="spend-h">
          <thead>
            <tr>
              <th scope="col">{t('budget.field.date')}</th>
              <th scope="col">{t('budget.measure')}</th>
              <th scope="col">{t('budget.lineCol')}</th>
              <th scope="col">{t('field.description')}</th>
              <th scope="col">{t('field.reference')}</th>
              <th scope="col">{t('budget.field.kind')}</th>
              <th scope="col" className="num">{t('field.amountCents')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td>{s.date ? formatDate(s.date) : `${t('budget.yearTotalNoDate')} ${s.year}`}</td>
                <td className="measure-cell">{s.measureCode || s.measureName}</td>
                <td>
                  <a href={budgetHref(programmeId, 'regels', { lineIds: [s.budgetLineId] })}>
                    {s.lineYear} {s.lineCostItem}
                  </a>
                  <div className="muted small">{t(`source.${s.fundingSource}` as MessageKey)} · {s.category}</div>
                </td>
                <td>{s.description}</td>
                <td>{s.reference}</td>
                <td>{s.kind === 'correction' ? <span className="badge badge-correction">{t('spendKind.correction')}</span> : t(`spendKind.${s.kind}` as MessageKey)}</td>
                <td className="num"><Money cents={s.amountCents} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>{count > data.length ? t('budget.totalAllSpend', { n: count, count: count.toLocaleString('nl-NL') }) : t('budget.total')}</th>
              <td className="num"><Money cents={total} /></td>
            </tr>
          </tfoot>
        </table>
      )}
      {page && data && data.length > 0 && <Pager below offset={page.offset} limit={page.limit} total={page.total} what="pager.spend" onPage={(x) => setAt({ key: filterKey, offset: x })} />}
    </section>
  );
}
