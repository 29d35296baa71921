/** Pieces the results screens share: the status badge (text and symbol), values in their unit, the trend chart. */
import { valueAxis } from '../../../shared/results/axis';
import { t, type MessageKey } from '../i18n';
import { formatDate } from '../format';
import { formatIndicatorValue, formatNumber, formatRange } from '../../../shared/results/format';
import { aggregateValue, byPeriodThenDate, targetFor } from '../../../shared/results/values';
import { dayNumber } from '../../../shared/results/schoolYear';
import { describedAt, periodLabel, type Period } from '../../../shared/results/periods';
import type { ResultStatus } from '../../../shared/results/types';
import { STATUS_ICON } from '../../../shared/results/symbols';
import type { IndicatorView, MeasurementView, TargetView } from '../../../shared/schemas/results';

/** A symbol per status, so the status never depends on colour alone (shared with the Excel report). */
export { STATUS_ICON };

export function StatusBadge({ status }: { status: ResultStatus }) {
  return (
    <span className={`rstatus rstatus-${status}`}>
      <span className="sr-only">{t('results.status')}: </span>
      <span className="rstatus-icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>{' '}
      {t(`resultStatus.${status}` as MessageKey)}
    </span>
  );
}

export const fmt = (ind: Pick<IndicatorView, 'unit' | 'freeUnit'>, v: number | null) => formatIndicatorValue(ind.unit, v, ind.freeUnit);

export function targetText(ind: IndicatorView, x: TargetView): string {
  const resolved = x.resolvedMin === null ? null : { min: x.resolvedMin, max: x.resolvedMax! };
  const shown = formatRange(ind.unit, resolved, ind.freeUnit);
  if (x.kind === 'relatief') return t('results.relative', { value: shown, percent: `${x.percent! > 0 ? '+' : ''}${formatNumber(x.percent!)}` });
  return shown;
}

/** A target's or measurement's period as people read it: "2016/2017", "1e halfjaar 2017". */
export function periodText(x: { periodKind: Period['kind']; periodStart: string; periodEnd: string }): string {
  return periodLabel({ kind: x.periodKind, start: x.periodStart, end: x.periodEnd });
}

export function measurementText(ind: IndicatorView, m: MeasurementView): string {
  if (m.numerator !== null && m.denominator !== null) return t('results.ratio', { value: fmt(ind, m.computedValue), numerator: formatNumber(m.numerator), denominator: formatNumber(m.denominator) });
  return fmt(ind, m.computedValue);
}

/** "Meetmoment 01-11-2017 (over 2016/2017) zonder waarde". */
export function missedText(x: { date: string | null; detail: string }): string {
  return x.detail ? t('results.reason.missedAbout', { date: formatDate(x.date), period: x.detail }) : t('results.reason.missed', { date: formatDate(x.date) });
}

export const pctText = (p: number | null) => (p === null ? '—' : `${formatNumber(Math.round(p * 100), 0)}%`);

const periodOfView = (m: Pick<MeasurementView, 'periodKind' | 'periodStart' | 'periodEnd'>): Period => ({ kind: m.periodKind, start: m.periodStart, end: m.periodEnd });

/**
 * The plotted value of each counted moment, at the day it speaks for (a November figure about the
 * school year before sits at the end of that year): per period for counts, the running total for
 * cumulative, else the value.
 */
function plotted(ind: IndicatorView): { date: string; at: string; value: number; status: MeasurementView['status']; period: string; about: string | null }[] {
  const counted = ind.measurements.filter((m) => m.counts).map((m) => ({ ...m, period: periodOfView(m) }));
  const current = ind.targets.filter((x) => x.current);
  return counted.flatMap((m) => {
    const tg = targetFor(current, m.period);
    const period = tg ? { start: tg.periodStart, end: tg.periodEnd } : m.period;
    const upTo = counted.filter((x) => byPeriodThenDate(x, m) <= 0);
    const v = aggregateValue(ind.aggregation, upTo, period, { value: ind.baselineValue, date: ind.baselineDate }).value;
    return v === null ? [] : [{ date: m.date, at: describedAt(m), value: v, status: m.status, period: ind.aggregation === 'aantal' ? period.start : '', about: m.date > m.period.end ? periodLabel(m.period) : null }];
  });
}

/** A small line chart with the target band per period, built as SVG; the tables beside it hold the same figures. */
export function TrendChart({ ind, today }: { ind: IndicatorView; today: string }) {
  const W = 360;
  const H = 140;
  const pad = { l: 44, r: 8, t: 8, b: 22 };
  const points = plotted(ind);
  const targets = ind.targets.filter((x) => x.current && x.resolvedMin !== null);
  const dates = [...points.map((p) => p.at), ...targets.flatMap((x) => [x.periodStart, x.periodEnd]), ...(ind.baselineDate ? [ind.baselineDate] : [])];
  if (dates.length === 0) return <p className="muted small">{t('results.noData')}</p>;
  const values = [...points.map((p) => p.value), ...targets.flatMap((x) => [x.resolvedMin!, x.resolvedMax!]), ...(ind.baselineValue !== null && ind.aggregation !== 'aantal' ? [ind.baselineValue] : [])];
  // One rule for the scale (shared/results/axis.ts): a 97% -> 98% rate does not fill the chart.
  const axis = valueAxis(values, ind.aggregation !== 'aantal' && ind.unit === 'percentage' ? 'percentage' : 'count');
  const span = axis.hi - axis.lo;
  const lo = axis.lo - span * 0.04;
  const hi = axis.hi + span * 0.04;
  const d0 = dayNumber(dates.reduce((a, b) => (a < b ? a : b)));
  const d1 = Math.max(dayNumber(dates.reduce((a, b) => (a > b ? a : b))), d0 + 1);
  const x = (iso: string) => pad.l + ((dayNumber(iso) - d0) / (d1 - d0)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  // Counts per period start again in each period: the line breaks there.
  const path = points.map((p, i) => `${i && points[i - 1]!.period === p.period ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort();
  const label = t('results.trend', { name: ind.name });
  const todayIn = dayNumber(today) >= d0 && dayNumber(today) <= d1;
  return (
    <svg className="trend" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width="100%" preserveAspectRatio="xMinYMin meet">
      <title>{label}</title>
      {axis.ticks.map((v, i) => (
        <g key={i}>
          <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="trend-grid" />
          <text x={pad.l - 4} y={y(v) + 3} textAnchor="end" className="trend-axis">
            {fmt(ind, v)}
          </text>
        </g>
      ))}
      {years.map((yr) => {
        const iso = `${yr}-08-01`;
        if (dayNumber(iso) < d0 || dayNumber(iso) > d1) return null;
        return (
          <text key={yr} x={x(iso)} y={H - 6} textAnchor="middle" className="trend-axis">
            {`${yr}/${String(yr + 1).slice(2)}`}
          </text>
        );
      })}
      {targets.map((tg) => {
        const top = y(tg.resolvedMax!);
        const h = Math.max(y(tg.resolvedMin!) - top, 2);
        return (
          <rect key={tg.id} x={x(tg.periodStart)} width={Math.max(x(tg.periodEnd) - x(tg.periodStart), 2)} y={h === 2 ? top - 1 : top} height={h} className="trend-band">
            <title>{`${t('results.target')} ${periodText(tg)}: ${targetText(ind, tg)}`}</title>
          </rect>
        );
      })}
      {todayIn && <line x1={x(today)} x2={x(today)} y1={pad.t} y2={H - pad.b} className="trend-today" />}
      {ind.baselineValue !== null && ind.baselineDate && ind.aggregation !== 'aantal' && dayNumber(ind.baselineDate) >= d0 && (
        <rect x={x(ind.baselineDate) - 4} y={y(ind.baselineValue) - 4} width={8} height={8} className="trend-baseline">
          <title>{`${t('results.baseline')}: ${fmt(ind, ind.baselineValue)} (${formatDate(ind.baselineDate)})`}</title>
        </rect>
      )}
      {path && <path d={path} className="trend-line" />}
      {points.map((p) => (
        <circle key={`${p.date}-${p.at}`} cx={x(p.at)} cy={y(p.value)} r={3.5} className={p.status === 'voorlopig' ? 'trend-point trend-provisional' : 'trend-point'}>
          <title>{`${formatDate(p.date)}: ${fmt(ind, p.value)}${p.about ? ` ${t('results.aboutPeriod', { period: p.about })}` : ''} (${t(`measurementStatus.${p.status}` as MessageKey).toLowerCase()})`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function ChartLegend() {
  return (
    <p className="trend-legend small muted" aria-hidden="true">
      <span className="lg lg-band" /> {t('results.trendTarget')} <span className="lg lg-base" /> {t('results.baseline').toLowerCase()} <span className="lg lg-point" />{' '}
      {t('measurementStatus.definitief').toLowerCase()} <span className="lg lg-prov" /> {t('measurementStatus.voorlopig').toLowerCase()}
    </p>
  );
}
