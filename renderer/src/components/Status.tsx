import { t, type MessageKey } from '../i18n';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}

export const coded = (code: string, name: string) => [code, name].filter(Boolean).join(' ');

/** Marks an item that is its own activity: "Activiteit" directly under a line, or "Maatregel = activiteit". */
export function ShapeBadge({ shape }: { shape: string }) {
  if (shape !== 'single' && shape !== 'activity') return null;
  return (
    <span className="badge badge-shape" title={t(`shape.${shape}`)}>
      {t(`shape.badge.${shape}`)}
    </span>
  );
}
