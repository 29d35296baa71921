/**
 * The programme's question set: add, reword, reorder, archive. Every change is a new version;
 * answers already given keep the text they answered.
 */
import { DisabledWhy } from '../components/DisabledWhy';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { LoadProblem } from '../components/LoadError';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import { go, href } from '../router';
import { SelectField } from '../components/Field';
import type { Question, QuestionEditInput } from '../../../shared/schemas/monitoring';

function QuestionRow({ q, n, count, onEdit }: { q: Question; n: number; count: number; onEdit(edit: QuestionEditInput['edit']): Promise<boolean> }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(q.text);
  useEffect(() => setText(q.text), [q.text]);
  return (
    <li className="question-row">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onEdit({ kind: 'reword', id: q.id, questionText: text }).then((ok) => ok && setEditing(false));
          }}
        >
          <label className="sr-only" htmlFor={`qt-${q.id}`}>
            {t('mon.questions.textOf', { n })}
          </label>
          <textarea id={`qt-${q.id}`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('action.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="question-line">
          <span className="question-number">{n}.</span>
          <span className="question-body">
            {q.text}
            {q.facts && <span className="badge badge-facts">{t('mon.questions.showsFacts')}</span>}
            {q.version > 1 && <span className="muted small"> · {t('mon.questions.wording', { version: q.version })}</span>}
          </span>
          <span className="actions">
            <button type="button" className="small" disabled={n === 1} aria-label={`${t('action.up')}: ${t('mon.questions.question', { n })}`} onClick={() => void onEdit({ kind: 'reorder', ids: [`up:${q.id}`] })}>
              ↑
            </button>
            <button type="button" className="small" disabled={n === count} aria-label={`${t('action.down')}: ${t('mon.questions.question', { n })}`} onClick={() => void onEdit({ kind: 'reorder', ids: [`down:${q.id}`] })}>
              ↓
            </button>
            <button type="button" className="small" onClick={() => setEditing(true)} aria-label={`${t('mon.questions.reword')}: ${t('mon.questions.question', { n })}`}>
              {t('mon.questions.reword')}
            </button>
            <button type="button" className="small" onClick={() => void onEdit({ kind: 'retire', id: q.id })} aria-label={`${t('mon.questions.retire')}: ${t('mon.questions.question', { n })}`}>
              {t('mon.questions.retire')}
            </button>
          </span>
        </div>
      )}
    </li>
  );
}

export function MonitoringQuestions({ programmeId }: { programmeId?: string }) {
  const { act } = useAct();
  const programmes = useCall('programme.list');
  const pid = programmeId ?? programmes.data?.find((p) => p.status === 'lopend')?.id ?? programmes.data?.[0]?.id;
  const { data: set, error } = useCall('monitoring.questions.get', { programmeId: pid ?? '' }, { enabled: !!pid });
  const [newText, setNewText] = useState('');
  const active = (set?.questions ?? []).filter((q) => !q.retired).sort((a, b) => a.position - b.position);
  const archived = (set?.questions ?? []).filter((q) => q.retired);

  async function edit(e: QuestionEditInput['edit']): Promise<boolean> {
    if (!pid) return false;
    // Moves are sent as a whole new order.
    if (e.kind === 'reorder') {
      const [dir, qid] = (e.ids[0] ?? '').split(':');
      const ids = active.map((q) => q.id);
      const i = ids.indexOf(qid ?? '');
      const j = dir === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= ids.length) return false;
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      e = { kind: 'reorder', ids };
    }
    const edit = e;
    return (await act(() => call('monitoring.questions.edit', { programmeId: pid, edit }), { done: t('mon.questions.saved') })).ok;
  }

  async function add(ev: FormEvent) {
    ev.preventDefault();
    if (await edit({ kind: 'add', questionText: newText, facts: null })) setNewText('');
  }

  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('monitoring')}>{t('mon.title')}</a> / <span>{t('mon.questions.title')}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>{t('mon.questions.title')}</h1>
          {set && <div className="muted">{t('mon.questions.version', { version: set.version })}{!set.stored && ` · ${t('mon.questions.standard')}`}</div>}
        </div>
        {(programmes.data?.length ?? 0) > 1 && pid && (
          <SelectField label={t('mon.round.programme')} name="programme" value={pid} onChange={(v) => go('monitoring', 'vragen', v)} options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        )}
      </header>
      <p className="lead">{t('mon.questions.lead')}</p>
      <LoadProblem q={programmes} />
      {error && <p className="error-box" role="alert">{error}</p>}
      <section className="card" aria-labelledby="active-h">
        <h2 id="active-h">{t('mon.questions.active', { n: active.length })}</h2>
        <ol className="plain-list question-list">
          {active.map((q, i) => (
            <QuestionRow key={q.id} q={q} n={i + 1} count={active.length} onEdit={edit} />
          ))}
        </ol>
        <form className="add-question" onSubmit={(e) => void add(e)}>
          <label htmlFor="new-q">{t('mon.questions.newText')}</label>
          <textarea id="new-q" rows={2} value={newText} onChange={(e) => setNewText(e.target.value)} />
          <div className="form-actions">
            <button type="submit" disabled={!newText.trim()} aria-describedby={!newText.trim() ? 'new-q-why' : undefined}>
              {t('mon.questions.add')}
            </button>
            <DisabledWhy id="new-q-why" show={!newText.trim()} reason={t('mon.questions.addNeedsText')} />
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="arch-h">
        <h2 id="arch-h">{t('mon.questions.archived')}</h2>
        {archived.length === 0 ? (
          <p className="muted">{t('mon.questions.noArchived')}</p>
        ) : (
          <ul className="plain-list">
            {archived.map((q) => (
              <li key={q.id} className="question-line">
                <span className="question-body muted">{q.text}</span>
                <button type="button" className="small" onClick={() => void edit({ kind: 'reinstate', id: q.id })} aria-label={`${t('mon.questions.reinstate')}: ${q.text.slice(0, 40)}`}>
                  {t('mon.questions.reinstate')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {set && set.versions.length > 0 && (
        <section className="card" aria-labelledby="ver-h">
          <h2 id="ver-h">{t('mon.questions.versions')}</h2>
          <ul className="plain-list small">
            {set.versions.map((v) => (
              <li key={v.version}>
                {t('mon.questions.version', { version: v.version })} · {formatDateTime(v.createdAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
