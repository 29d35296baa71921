import { t, type MessageKey } from '../i18n';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}

/** "2.2.1 Digitaal Doorstroom Dossier", with the code set apart. */
export function Coded({ code, name }: { code: string; name: string }) {
  return (
    <>
      {code && <span className="code">{code}</span>} {name}
    </>
  );
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
