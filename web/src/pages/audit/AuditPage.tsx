/**
 * /audit — the public, hash-chained audit log and its signed checkpoints; events filtered by area,
 * role, Palu dates and text, 50 to a page, newest first, and the filtered events as CSV.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaOf, eventsCsv, filterEvents, NO_FILTER } from '../../features/transparency/filter.ts';
import '../../features/transparency/i18n.ts';
import { Pager } from '../../ui/Pager.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { codeLabel } from '../../features/codes/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { formatDateTime } from '../../app/format.ts';
import type { AuditEvent } from '../../features/transparency/api.ts';
import { shortHash, useAuditEvents, useCheckpoints } from '../../features/transparency/hooks.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

const PAGE = 50;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'id';
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

      <CheckpointsSection lang={lang} />

      <section className="card" aria-labelledby="ev-title">
        <h2 id="ev-title">{t('audit.events')}</h2>
        <AuditFilterForm
          draft={draft}
          setDraft={setDraft}
          areas={areas}
          roles={roles}
          onApply={apply}
          onReset={() => {
            setDraft(NO_FILTER);
            setFilter(NO_FILTER);
            setPage(1);
          }}
        />
        {events.data ? (
          <div className="actions">
            <p className="small" aria-live="polite">
              {t('aud.shown', { shown: filtered.length, total: all.length })}
            </p>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={download}
              disabled={filtered.length === 0}
            >
              {t('aud.csv')}
            </button>
          </div>
        ) : null}
        {events.data?.truncated ? <p className="small muted">{t('aud.truncated', { count: all.length })}</p> : null}
        <QueryState query={events} isEmpty={() => filtered.length === 0} empty={t('audit.noEvents')}>
          {() => <EventsTable rows={latest} lang={lang} />}
        </QueryState>
        <Pager page={page} total={filtered.length} pageSize={PAGE} onPage={setPage} />
      </section>
    </>
  );
}

type Lang = 'id' | 'en';
type Filter = typeof NO_FILTER;

/** The signed checkpoints, newest first as the server lists them. */
function CheckpointsSection({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const checkpoints = useCheckpoints();
  return (
    <section className="card" aria-labelledby="cp-title">
      <h2 id="cp-title">{t('audit.checkpoints')}</h2>
      <QueryState query={checkpoints} isEmpty={(d) => d.checkpoints.length === 0} empty={t('audit.noCheckpoints')}>
        {(d) => (
          <DataTable
            label={t('audit.checkpointsLabel')}
            rows={d.checkpoints}
            rowKey={(c) => `${c.treeSize}-${c.rootHash}`}
            columns={[
              { key: 'size', header: t('audit.treeSize'), className: 'num', cell: (c) => c.treeSize },
              {
                key: 'root',
                header: t('audit.rootHash'),
                className: 'mono',
                cell: (c) => <span title={c.rootHash}>{shortHash(c.rootHash, 16)}</span>,
              },
              {
                key: 'key',
                header: t('audit.keyId'),
                className: 'mono',
                cell: (c) => <span title={c.keyId}>{shortHash(c.keyId, 16)}</span>,
              },
              {
                key: 'at',
                header: t('audit.createdAt'),
                className: 'nowrap',
                cell: (c) => formatDateTime(c.createdAt, lang),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

/** The filter form: changes stay a draft until applied. */
function AuditFilterForm({
  draft,
  setDraft,
  areas,
  roles,
  onApply,
  onReset,
}: {
  draft: Filter;
  setDraft: (f: Filter) => void;
  areas: string[];
  roles: string[];
  onApply: (e: FormEvent) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form className="form audit-filters" noValidate aria-label={t('aud.filters')} onSubmit={onApply}>
      <SelectField
        label={t('aud.area')}
        value={draft.area}
        onChange={(e) => setDraft({ ...draft, area: e.target.value })}
      >
        <option value="">{t('aud.areaAll')}</option>
        {areas.map((a) => (
          <option key={a} value={a}>
            {t(`aud.areas.${a}`, { defaultValue: a })}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('aud.role')}
        value={draft.role}
        onChange={(e) => setDraft({ ...draft, role: e.target.value })}
      >
        <option value="">{t('aud.roleAll')}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r === 'system'
              ? t('audit.system')
              : t(`aud.actors.${r}`, { defaultValue: t(`roles.${r}.name`, { defaultValue: r }) })}
          </option>
        ))}
      </SelectField>
      <DateField label={t('aud.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} />
      <DateField label={t('aud.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} />
      <TextField
        label={t('aud.text')}
        value={draft.text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary">
          {t('aud.apply')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onReset}>
          {t('aud.reset')}
        </button>
      </div>
    </form>
  );
}

/** One page of events. */
function EventsTable({ rows, lang }: { rows: AuditEvent[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('audit.eventsLabel')}
      rows={rows}
      rowKey={(e) => String(e.seq)}
      columns={[
        { key: 'seq', header: t('audit.seq'), className: 'num', cell: (e) => e.seq },
        { key: 'time', header: t('audit.time'), className: 'nowrap', cell: (e) => formatDateTime(e.occurredAt, lang) },
        {
          key: 'action',
          header: t('audit.action'),
          cell: (e) => (
            <>
              {codeLabel(t, 'audit', e.action)}
              <br />
              <span className="muted small mono">{e.action}</span>
            </>
          ),
        },
        {
          key: 'actor',
          header: t('audit.actor'),
          cell: (e) =>
            e.actorRole && e.actorRole !== 'system'
              ? t(`aud.actors.${e.actorRole}`, {
                  defaultValue: t(`roles.${e.actorRole}.name`, { defaultValue: e.actorRole }),
                })
              : t('audit.system'),
        },
        { key: 'subject', header: t('audit.subject'), cell: (e) => codeLabel(t, 'subject', e.subjectType) },
        {
          key: 'hash',
          header: t('audit.hash'),
          className: 'mono',
          cell: (e) => <span title={e.hash}>{shortHash(e.hash)}</span>,
        },
      ]}
    />
  );
}
