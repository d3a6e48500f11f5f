/**
 * /audit — the public, hash-chained audit log and its signed checkpoints; events filtered by area,
 * role, Palu dates and text, 50 to a page, newest first, and the filtered events as CSV.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaOf, eventsCsv, filterEvents, NO_FILTER } from '../../features/transparency/filter.ts';
import '../../features/transparency/i18n.ts';
import { Pager } from '../../features/recruitment/components/bits.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { codeLabel } from '../../features/codes/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { shortHash, useAuditEvents, useCheckpoints } from '../../features/transparency/hooks.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

const PAGE = 50;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const checkpoints = useCheckpoints();
  const events = useAuditEvents();
  const [draft, setDraft] = useState(NO_FILTER);
  const [filter, setFilter] = useState(NO_FILTER);
  const [page, setPage] = useState(1);
  // Newest first: people come to see what just happened.
  const all = events.data ? [...events.data.events].reverse() : [];
  const filtered = filterEvents(all, filter);
  const latest = filtered.slice((page - 1) * PAGE, page * PAGE);
  const areas = [...new Set(all.map((e) => areaOf(e.action)))].sort();
  const roles = [...new Set(all.map((e) => e.actorRole ?? 'system'))].sort();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setPage(1);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([eventsCsv(filtered)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'log-audit-merit.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <>
      <PageTitle title={t('audit.title')} lead={t('audit.intro')}>
        {t('audit.title')}
      </PageTitle>

      <section className="card" aria-labelledby="cp-title">
        <h2 id="cp-title">{t('audit.checkpoints')}</h2>
        {checkpoints.isPending ? <Loading label={t('app.loading')} /> : null}
        {checkpoints.isError ? <ErrorAlert error={checkpoints.error} /> : null}
        {checkpoints.data && checkpoints.data.checkpoints.length === 0 ? <p>{t('audit.noCheckpoints')}</p> : null}
        {checkpoints.data && checkpoints.data.checkpoints.length > 0 ? (
          <TableWrap label={t('audit.checkpointsLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.treeSize')}</th>
                  <th scope="col">{t('audit.rootHash')}</th>
                  <th scope="col">{t('audit.keyId')}</th>
                  <th scope="col">{t('audit.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {checkpoints.data.checkpoints.map((c) => (
                  <tr key={`${c.treeSize}-${c.rootHash}`}>
                    <td className="num">{c.treeSize}</td>
                    <td className="mono" title={c.rootHash}>
                      {shortHash(c.rootHash, 16)}
                    </td>
                    <td className="mono" title={c.keyId}>
                      {shortHash(c.keyId, 16)}
                    </td>
                    <td className="nowrap">{formatDateTime(c.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>

      <section className="card" aria-labelledby="ev-title">
        <h2 id="ev-title">{t('audit.events')}</h2>
        <form className="form audit-filters" noValidate aria-label={t('aud.filters')} onSubmit={apply}>
          <SelectField label={t('aud.area')} value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}>
            <option value="">{t('aud.areaAll')}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {t(`aud.areas.${a}`, { defaultValue: a })}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('aud.role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
            <option value="">{t('aud.roleAll')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r === 'system' ? t('audit.system') : t(`roles.${r}.name`, { defaultValue: r })}
              </option>
            ))}
          </SelectField>
          <DateField label={t('aud.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} />
          <DateField label={t('aud.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} />
          <TextField label={t('aud.text')} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
          <div className="actions">
            <button type="submit" className="btn btn--primary">
              {t('aud.apply')}
            </button>
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => {
                setDraft(NO_FILTER);
                setFilter(NO_FILTER);
                setPage(1);
              }}
            >
              {t('aud.reset')}
            </button>
          </div>
        </form>
        {events.data ? (
          <div className="actions">
            <p className="small" aria-live="polite">
              {t('aud.shown', { shown: filtered.length, total: all.length })}
            </p>
            <button type="button" className="btn btn--secondary btn--small" onClick={download} disabled={filtered.length === 0}>
              {t('aud.csv')}
            </button>
          </div>
        ) : null}
        {events.data?.truncated ? <p className="small muted">{t('aud.truncated', { count: all.length })}</p> : null}
        {events.isPending ? <Loading label={t('app.loading')} /> : null}
        {events.isError ? <ErrorAlert error={events.error} /> : null}
        {events.data && filtered.length === 0 ? <p>{t('audit.noEvents')}</p> : null}
        {latest.length > 0 ? (
          <TableWrap label={t('audit.eventsLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{formatDateTime(e.occurredAt, lang)}</td>
                    <td>
                      {codeLabel(t, 'audit', e.action)}
                      <br />
                      <span className="muted small mono">{e.action}</span>
                    </td>
                    <td>{e.actorRole && e.actorRole !== 'system' ? t(`roles.${e.actorRole}.name`, { defaultValue: e.actorRole }) : t('audit.system')}</td>
                    <td>{codeLabel(t, 'subject', e.subjectType)}</td>
                    <td className="mono" title={e.hash}>
                      {shortHash(e.hash)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
        <Pager page={page} total={filtered.length} pageSize={PAGE} onPage={setPage} />
      </section>
    </>
  );
}
