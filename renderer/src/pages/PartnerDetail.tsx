import { useState } from 'react';
import { useInlineForm } from '../useInlineForm';
import { LoadError } from '../components/LoadError';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t, type MessageKey } from '../i18n';
import { go, href } from '../router';
import { DeleteButton } from '../components/DeleteButton';
import { LongText } from '../components/Text';
import { EntityHistory } from '../components/HistoryList';
import { TextField } from '../components/Field';
import { coded } from '../components/Status';
import type { Contact, PartnerRole } from '../../../shared/schemas/partner';
import { orgTypeLabel } from './PartnerList';

type ContactForm = { name: string; function: string; email: string; phone: string };
const emptyContact: ContactForm = { name: '', function: '', email: '', phone: '' };

function ContactEditor({ initial, onSave, onCancel }: { initial: ContactForm; onSave(f: ContactForm): Promise<Record<string, string> | null>; onCancel(): void }) {
  const { f, set, errors, submit } = useInlineForm(initial, onSave);
  return (
    <form className="subform" onSubmit={(e) => void submit(e)} noValidate aria-label={t('entity.contact')}>
      <div className="row">
        <TextField label={t('field.name')} name="name" required value={f.name} onChange={set('name')} error={errors.name} />
        <TextField label={t('field.function')} name="function" value={f.function} onChange={set('function')} error={errors.function} />
      </div>
      <div className="row">
        <TextField label={t('field.email')} name="email" value={f.email} onChange={set('email')} error={errors.email} />
        <TextField label={t('field.phone')} name="phone" value={f.phone} onChange={set('phone')} error={errors.phone} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('action.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function roleHref(r: PartnerRole): string {
  if (r.entity === 'measure') return href('maatregelen', r.id);
  if (r.entity === 'activity') return href('activiteiten', r.id);
  return href('programmas', r.id);
}

export function PartnerDetail({ id }: { id: string }) {
  const { act } = useAct();
  const { data: o, error } = useCall('organisation.get', { id });
  const [editing, setEditing] = useState<string | null>(null);

  async function saveContact(f: ContactForm, c?: Contact) {
    const r = await act((v) => (c ? call('contact.update', { id: c.id, rowVersion: v ?? c.rowVersion, ...f }) : call('contact.create', { organisationId: id, ...f })), {
      done: t('partner.contactSaved'),
      then: () => setEditing(null),
      reload: () => setEditing(null),
    });
    return r.ok ? null : r.error.fieldErrors();
  }

  if (error) return <LoadError message={error} back={href('partners')} />;
  if (!o) return <div className="page" aria-busy="true" />;
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('partners')}>{t('nav.partners')}</a> / <span>{o.name}</span>
      </nav>
      <header className="page-head">
        <h1>{o.name}</h1>
        <div className="actions">
          <a className="button" href={href('partners', o.id, 'bewerken')}>
            {t('action.edit')}
          </a>
          <DeleteButton onConfirm={() => act((v) => call('organisation.delete', { id, rowVersion: v ?? o.rowVersion }), { done: t('partner.deleted', { name: o.name }), conflict: 'delete', then: () => go('partners') })} />
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('field.type')}</dt>
          <dd>{orgTypeLabel(o.type)}</dd>
        </div>
        <div>
          <dt>{t('field.place')}</dt>
          <dd>{o.place || '—'}</dd>
        </div>
        <div>
          <dt>{t('field.brin')}</dt>
          <dd>{o.brin || '—'}</dd>
        </div>
        <div>
          <dt>{t('field.kvk')}</dt>
          <dd>{o.kvk || '—'}</dd>
        </div>
      </dl>
      <div className="grid-2 wide-left">
        <div>
          <section className="card" aria-labelledby="contacts-h">
            <h2 id="contacts-h">{t('partner.contacts')}</h2>
            {o.contacts.length === 0 && <p className="muted">{t('partner.noContacts')}</p>}
            <ul className="contact-list">
              {o.contacts.map((c) =>
                editing === c.id ? (
                  <li key={c.id}>
                    <ContactEditor initial={c} onSave={(f) => saveContact(f, c)} onCancel={() => setEditing(null)} />
                  </li>
                ) : (
                  <li key={c.id} className="sub-item">
                    <div className="sub-main">
                      <strong>{c.name}</strong>
                      {c.function && <span className="muted"> · {c.function}</span>}
                      <div className="small">
                        {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                        {c.email && c.phone && ' · '}
                        {c.phone}
                      </div>
                    </div>
                    <div className="row-actions">
                      <button type="button" onClick={() => setEditing(c.id)} aria-label={`${t('action.edit')}: ${c.name}`}>
                        {t('action.edit')}
                      </button>
                      <DeleteButton label={`${t('action.delete')}: ${c.name}`} onConfirm={() => act((v) => call('contact.delete', { id: c.id, rowVersion: v ?? c.rowVersion }), { done: t('partner.contactDeleted', { name: c.name }), conflict: 'delete' })} />
                    </div>
                  </li>
                ),
              )}
            </ul>
            {editing === 'new' ? (
              <ContactEditor initial={emptyContact} onSave={(f) => saveContact(f)} onCancel={() => setEditing(null)} />
            ) : (
              <button type="button" onClick={() => setEditing('new')}>
                <span aria-hidden="true">+ </span>
                {t('partner.addContact')}
              </button>
            )}
          </section>
          <section className="card" aria-labelledby="roles-h">
            <h2 id="roles-h">{t('partner.roles')}</h2>
            {o.roles.length === 0 ? (
              <p className="muted">{t('partner.noRoles')}</p>
            ) : (
              <table className="table compact">
                <tbody>
                  {o.roles.map((r) => (
                    <tr key={`${r.role}-${r.id}`}>
                      <td>{t(`role.${r.role}` as MessageKey)}</td>
                      <td>{t(`entity.${r.entity}` as MessageKey)}</td>
                      <td>
                        <a href={roleHref(r)}>{coded(r.code, r.name)}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {o.notes && (
            <section className="card">
              <h2>{t('field.notes')}</h2>
              <LongText text={o.notes} />
            </section>
          )}
        </div>
        <section className="card" aria-labelledby="hist-h">
          <h2 id="hist-h">{t('history.title')}</h2>
          <EntityHistory items={[{ entity: 'organisation', id }]} />
        </section>
      </div>
    </div>
  );
}
