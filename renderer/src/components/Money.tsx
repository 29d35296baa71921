import { formatCents } from '../format';
import { t } from '../i18n';

/** An amount; negative amounts are marked (a minus and a colour), never only by colour. */
export function Money({ cents, className }: { cents: number | null; className?: string }) {
  if (cents === null) return <span className={className}>—</span>;
  return <span className={[cents < 0 ? 'neg' : '', className ?? ''].join(' ').trim() || undefined}>{formatCents(cents)}</span>;
}

export const pct = (p: number | null) => (p === null ? '—' : `${p.toLocaleString('nl-NL', { maximumFractionDigits: 0 })}%`);

/** The over-spent flag, readable without colour. */
export function OverFlag({ over }: { over: boolean }) {
  if (!over) return null;
  return (
    <span className="over-flag" title={t('budget.overTitle')}>
      ⚠ {t('budget.over')}
    </span>
  );
}
