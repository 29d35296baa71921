import { partnerLabel } from '../../../shared/partners/names';
import { DisabledWhy } from '../components/DisabledWhy';
import { useState, type ChangeEvent } from 'react';
import { call } from '../api';
import { useApp } from '../state';
import { go } from '../router';
import { TextField } from '../components/Field';
import { LoadProblem } from '../components/LoadError';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t, type MessageKey } from '../i18n';
import { formatDateTime } from '../format';
import { download as saveDownload } from '../download';
import type { ExportKind, ImportPlan, PlanRow, RowStatus } from '../../../shared/schemas/exchange';
import { ROW_STATUSES, PARTNER_SECTION_NAMES } from '../../../shared/schemas/exchange';

type PartnerSectionName = (typeof PARTNER_SECTION_NAMES)[number];
/** What a partner request can ask, in sheet order. */
const SECTION_ORDER: readonly PartnerSectionName[] = PARTNER_SECTION_NAMES;

/** Bytes to base64 in chunks (a large file would overflow String.fromCharCode's arguments). */
export function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const download = (fileName: string, base64: string) => saveDownload(fileName, base64, XLSX);

const statusClass: Record<RowStatus, string> = { new: 'st-new', changed: 'st-changed', unchanged: 'st-unchanged', conflict: 'st-conflict', rejected: 'st-rejected' };

function Detail({ row }: { row: PlanRow }) {
  if (row.status === 'rejected')
    return (
      <ul className="plain">
        {row.issues.map((i, n) => (
          <li key={n} className="field-error">
            {i.header ? `${i.header} (${i.col}): ` : ''}
            {i.message}
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="plain">
      {row.changes.map((c) =>
        c.conflict ? (
          <li key={c.key}>
            <strong>{c.header}</strong>: {t('exchange.conflictNow')} <span className="current">{c.old}</span>, {t('exchange.inFile')} <span className="new">{c.new}</span>
            <span className="muted small"> ({t('exchange.conflictNote')})</span>
          </li>
        ) : (
          <li key={c.key}>
            <strong>{c.header}</strong>: <span className="old">{c.old}</span> → <span className="new">{c.new}</span>
          </li>
        ),
      )}
      {row.notes.map((i, n) => (
        <li key={`n${n}`} className="muted small">
          {t('exchange.formulaNote')}: {i.header}: {i.message}
        </li>
      ))}
    </ul>
  );
}

export function ExchangePage() {
  const { act } = useAct();
  const [busy, setBusy] = useState<string | null>(null);
  const [partner, setPartner] = useState('');
  const [period, setPeriod] = useState('');
  /** Monitoring round for the Monitoring section (id; empty: the newest round). */
  const [round, setRound] = useState('');
  /** More partners at once (checkbox list), and what the request asks. */
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [sections, setSections] = useState<ReadonlySet<PartnerSectionName>>(new Set(['activities']));
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [choices, setChoices] = useState<Record<string, 'file' | 'keep'>>({});
  const [showUnchanged, setShowUnchanged] = useState(false);
  /** Why the chosen file was refused as a whole (stays visible; it can name several places). */
  const [refusal, setRefusal] = useState<string | null>(null);
  const last = useCall('exchange.lastImport');
  const partners = useCall('organisation.list');
  const rounds = useCall('monitoring.round.list', {});
  const noPartner = !partner.trim() && picked.size === 0;

  /** One step at a time: `busy` names it, so every button waits. */
  async function step<T>(name: string, run: () => Promise<T>) {
    setBusy(name);
    try {
      return await run();
    } finally {
      setBusy(null);
    }
  }

  async function doExport(kind: ExportKind) {
    const asked = SECTION_ORDER.filter((x) => sections.has(x));
    const partnerRequest = { kind, period: period || undefined, ...(round && sections.has('monitoring') ? { round } : {}), ...(partner.trim() ? { partner } : {}), ...(picked.size ? { partners: [...picked] } : {}), ...(asked.join() === 'activities' ? {} : { sections: asked }) };
    await step(kind, () =>
      act(() => call('exchange.export', kind === 'partner' ? partnerRequest : { kind }), {
        // One file per partner, each its own download.
        then: (f) => f.files.forEach((x) => download(x.fileName, x.base64)),
        done: (f) => (f.files.length > 1 ? t('exchange.downloadedMany', { n: f.files.length }) : t('exchange.downloaded', { file: f.fileName })),
      }),
    );
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setPlan(null);
    setRefusal(null);
    await step('plan', () =>
      act(
        async () => {
          const input = { fileName: f.name, base64: toBase64(await f.arrayBuffer()) };
          setFile(input);
          setChoices({});
          return call('exchange.plan', input);
        },
        {
          then: setPlan,
          // Why the file was refused stays on the page (it can name several places).
          failed: (err) => {
            setFile(null);
            setRefusal(err.message);
          },
          inline: true,
        },
      ),
    );
  }

  async function apply() {
    if (!file || !plan) return;
    await step('apply', () =>
      act(() => call('exchange.apply', { ...file, choices, sha256: plan.sha256 }), {
        done: (r) => (r.applied ? t('exchange.applied', { n: r.applied }) : t('exchange.appliedNothing')),
        then: () => {
          setPlan(null);
          setFile(null);
        },
      }),
    );
  }

  async function errorsFile() {
    if (!file) return;
    await step('errors', () => act(() => call('exchange.errors', file), { then: (f) => download(f.fileName, f.base64) }));
  }

  const undoImport = () => step('undo', () => act(() => call('exchange.undoImport'), { done: (r) => t('exchange.undone', { label: r.label }) }));

  const toApply = plan ? plan.counts.new + plan.counts.changed + Object.values(choices).filter((c) => c === 'file').length : 0;
  const rows = plan ? plan.rows.filter((r) => showUnchanged || r.status !== 'unchanged') : [];

  return (
    <div className="page page-wide">
      <header className="page-head">
        <h1>{t('exchange.title')}</h1>
      </header>
      <p className="lead">{t('exchange.intro')}</p>

      <LoadProblem q={partners} />
      <LoadProblem q={rounds} />
      <LoadProblem q={last} />
      <h2 className="section">{t('exchange.export')}</h2>
      <div className="export-grid">
        <section className="card" aria-labelledby="xl-ws-h">
          <h3 id="xl-ws-h">{t('exchange.exportWorkspace')}</h3>
          <p className="small muted">{t('exchange.exportWorkspaceHelp')}</p>
          <button type="button" className="primary" disabled={!!busy} onClick={() => void doExport('workspace')}>
            {t('exchange.download')}
          </button>
        </section>
        <section className="card" aria-labelledby="xl-st-h">
          <h3 id="xl-st-h">{t('exchange.exportSteering')}</h3>
          <p className="small muted">{t('exchange.exportSteeringHelp')}</p>
          <button type="button" className="primary" disabled={!!busy} onClick={() => void doExport('steering')}>
            {t('exchange.download')}
          </button>
        </section>
        <section className="card" aria-labelledby="xl-pa-h">
          <h3 id="xl-pa-h">{t('exchange.exportPartner')}</h3>
          <p className="small muted">{t('exchange.exportPartnerHelp')}</p>
          <div className="row">
            <div className="field">
              <label htmlFor="xl-partner">{t('exchange.partner')}</label>
              <input id="xl-partner" list="xl-partner-list" value={partner} autoComplete="off" onChange={(e) => setPartner(e.target.value)} />
              <datalist id="xl-partner-list">
                {(partners.data ?? []).map((o) => (
                  <option key={o.id} value={o.name} />
                ))}
              </datalist>
            </div>
            <div className="field">
              <label htmlFor="xl-period">{t('exchange.period')}</label>
              <input id="xl-period" value={period} placeholder={t('exchange.periodPlaceholder')} onChange={(e) => setPeriod(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="xl-round">{t('exchange.round')}</label>
              <select id="xl-round" value={round} onChange={(e) => setRound(e.target.value)}>
                <option value="">{t('exchange.roundNewest')}</option>
                {(rounds.data ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="xl-pick">
            <legend>{t('exchange.morePartners')}</legend>
            <p className="small muted">{t('exchange.morePartnersHelp')}</p>
            <ul className="plain xl-pick-list">
              {(partners.data ?? []).map((o) => (
                <li key={o.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked.has(o.id)}
                      onChange={(e) => {
                        // By id: two partners may share a name (the label tells them apart).
                        const next = new Set(picked);
                        if (e.target.checked) next.add(o.id);
                        else next.delete(o.id);
                        setPicked(next);
                      }}
                    />{' '}
                    {partnerLabel(o, partners.data ?? [])}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset className="xl-pick">
            <legend>{t('exchange.sections')}</legend>
            {SECTION_ORDER.map((x) => (
              <label key={x} className="inline">
                <input
                  type="checkbox"
                  checked={sections.has(x)}
                  onChange={(e) => {
                    const next = new Set(sections);
                    if (e.target.checked) next.add(x);
                    else if (next.size > 1) next.delete(x);
                    setSections(next);
                  }}
                />{' '}
                {t(`exchange.section.${x}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="primary"
            disabled={!!busy || noPartner}
            aria-describedby={noPartner ? 'xl-pa-why' : undefined}
            onClick={() => void doExport('partner')}
          >
            {t('exchange.download')}
          </button>
          {/* A greyed-out button says why. */} <DisabledWhy id="xl-pa-why" show={noPartner} reason={t('exchange.downloadNeedsPartner')} />
        </section>
      </div>

      <h2 className="section">{t('exchange.import')}</h2>
      <section className="card">
        <p className="small muted">{t('exchange.importHelp')}</p>
        <div className="file-pick">
          <input id="xl-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={!!busy} onChange={(e) => void onFile(e)} />
          <label htmlFor="xl-file" className="button primary">
            {t('exchange.chooseFile')}
          </label>
          {file && <span className="muted small"> {file.fileName}</span>}
        </div>
        {busy === 'plan' && <p aria-busy="true">{t('exchange.reading')}</p>}
        {refusal && (
          <p className="error-box refusal" role="alert">
            {refusal}
          </p>
        )}
        {last.data && (
          <p className="small">
            <strong>{t('exchange.lastImport')}:</strong>{' '}
            {t('exchange.lastImportLine', { label: last.data.label, at: formatDateTime(last.data.at), user: last.data.user, n: last.data.changes })}{' '}
            <button type="button" disabled={!!busy || !last.data.undoable} title={last.data.undoable ? undefined : t('exchange.notLast')} onClick={() => void undoImport()}>
              ↶ {t('exchange.undoImport')}
            </button>
          </p>
        )}
      </section>

      {plan && (
        <section className="card" aria-label={t('exchange.planTitle', { file: plan.fileName })}>
          <h3>{t('exchange.planTitle', { file: plan.fileName })}</h3>
          <p className="small muted">
            {t('exchange.fileInfo', { kind: plan.fileKind === 'partner' ? `${t('xl.kind.partner')} ${plan.partner ?? ''}` : t('xl.kind.workspace'), region: plan.region, at: plan.exportedAt ? formatDateTime(plan.exportedAt) : '—' })}
          </p>
          <p>{t('exchange.planIntro')}</p>
          <dl className="facts counts">
            {ROW_STATUSES.map((s) => (
              <div key={s} className={statusClass[s]}>
                <dt>{t(`exchange.count.${s}` as MessageKey)}</dt>
                <dd>{plan.counts[s]}</dd>
              </div>
            ))}
          </dl>
          {plan.notices.length > 0 && (
            <details>
              <summary>
                {t('exchange.notices')} ({plan.notices.length})
              </summary>
              <ul className="small">
                {plan.notices.map((n, i) => (
                  <li key={i}>{n.text}</li>
                ))}
              </ul>
            </details>
          )}
          <label className="small">
            <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t('exchange.showUnchanged')}
          </label>
          {rows.length === 0 ? (
            <p className="muted">{t('exchange.nothingToDo')}</p>
          ) : (
            <table className="table plan-table">
              <thead>
                <tr>
                  <th scope="col">{t('exchange.col.status')}</th>
                  <th scope="col">{t('exchange.col.where')}</th>
                  <th scope="col">{t('exchange.col.record')}</th>
                  <th scope="col">{t('exchange.col.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.sheet}-${r.row}`} className={statusClass[r.status]}>
                    <td>
                      <span className={`badge ${statusClass[r.status]}`}>{t(`exchange.status.${r.status}` as MessageKey)}</span>
                      {r.status === 'conflict' && (
                        <fieldset className="choice">
                          <legend className="sr-only">{t('exchange.conflictChoice')}</legend>
                          <label>
                            <input type="radio" name={`c-${r.key}`} checked={choices[r.key] !== 'file'} onChange={() => setChoices({ ...choices, [r.key]: 'keep' })} /> {t('exchange.keepRegieboek')}
                          </label>
                          <label>
                            <input type="radio" name={`c-${r.key}`} checked={choices[r.key] === 'file'} onChange={() => setChoices({ ...choices, [r.key]: 'file' })} /> {t('exchange.takeFile')}
                          </label>
                        </fieldset>
                      )}
                    </td>
                    <td className="nowrap">
                      {r.sheet}, rij {r.row}
                    </td>
                    <td>{r.label}</td>
                    <td>
                      <Detail row={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions sticky-actions">
            <button type="button" className="primary" disabled={!!busy || toApply === 0} onClick={() => void apply()}>
              {t('exchange.applyCount', { n: toApply })}
            </button>
            {plan.counts.rejected > 0 && (
              <button type="button" disabled={!!busy} onClick={() => void errorsFile()} title={t('exchange.errorsHelp')}>
                {t('exchange.errorsFile')}
              </button>
            )}
            <button type="button" className="ghost" disabled={!!busy} onClick={() => { setPlan(null); setFile(null); }}>
              {t('action.cancel')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

/** On the start screen: a new workspace from a workspace workbook (the round trip into an empty workspace). */
export function NewFromExcel({ busy: outerBusy = false }: { busy?: boolean }) {
  const { setWorkspace } = useApp();
  const { act, busy } = useAct();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    await act(async () => call('exchange.newWorkspace', { fileName: name, file: { fileName: f.name, base64: toBase64(await f.arrayBuffer()) } }), {
      done: t('exchange.newDone', { file: f.name }),
      then: (ws) => {
        setWorkspace(ws);
        go('programmas');
      },
      // A message about the file name stands at that field; any other as a notice.
      failed: (err) => err.field && setError(err.message),
      inline: (err) => !!err.field,
    });
  }

  return (
    <section className="card" aria-labelledby="xl-new-h">
      <h2 id="xl-new-h">{t('exchange.newTitle')}</h2>
      <p className="muted">{t('exchange.newIntro')}</p>
      <TextField label={t('exchange.newFileName')} name="newFileName" required value={name} onChange={(v) => { setName(v); setError(undefined); }} error={error} />
      <div className="file-pick">
        <input id="xl-new-file" type="file" accept=".xlsx" disabled={busy || outerBusy || !name.trim()} aria-describedby={!name.trim() ? 'xl-new-why' : undefined} onChange={(e) => void onFile(e)} />
        <label htmlFor="xl-new-file" className={`button${!name.trim() ? ' disabled' : ''}`} aria-disabled={!name.trim()}>
          {t('exchange.newCreate')}
        </label>{' '}
        <DisabledWhy id="xl-new-why" show={!name.trim()} reason={t('exchange.newNeedsName')} />
      </div>
    </section>
  );
}
