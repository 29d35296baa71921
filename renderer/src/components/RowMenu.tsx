/**
 * The actions of one row in a compact menu, where more than two meet (omhoog, omlaag, bewerken,
 * verwijderen): one button per row instead of a stack, reachable and usable by keyboard (WAI-ARIA
 * menu button: Enter or ↓ opens, ↑/↓ move, Escape closes and returns to the button).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { useAsk } from './ChoiceDialog';

export interface RowAction {
  label: string;
  onSelect(): unknown;
  disabled?: boolean;
  danger?: boolean;
  /** Asked first (a deletion): the question's title; the row's name is its body. */
  confirm?: { title: string; yes: string };
}

export function RowMenu({ name, actions }: { /** The row's name, in the button's accessible name. */ name: string; actions: RowAction[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();
  const ask = useAsk();

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  function onMenuKey(e: KeyboardEvent) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
      list[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  }

  async function choose(a: RowAction) {
    setOpen(false);
    button.current?.focus();
    if (a.confirm) {
      const answer = await ask({
        title: a.confirm.title,
        body: [name],
        choices: [
          { value: 'no', label: t('action.cancel'), cancel: true },
          { value: 'yes', label: a.confirm.yes, kind: 'danger' },
        ],
      });
      if (answer !== 'yes') return;
    }
    await a.onSelect();
  }

  return (
    <span className="row-menu">
      <button
        ref={button}
        type="button"
        className="row-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={t('rowMenu.label', { name })}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('rowMenu.button')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menu} id={id} role="menu" aria-label={t('rowMenu.label', { name })} className="row-menu-list" onKeyDown={onMenuKey}>
          {actions.map((a) => (
            <li key={a.label} role="none">
              <button type="button" role="menuitem" className={a.danger ? 'danger' : undefined} disabled={a.disabled} onClick={() => void choose(a)}>
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
