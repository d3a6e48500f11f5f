/** Tables of the education and competency history, Merit's own training, corrections and a sheet's report. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n.ts';
import { EDUCATION_LEVEL_NAMES, LEADERSHIP_LEVEL_NAMES } from '../../../../common/contracts/records.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { Alert } from '../../ui/Alert.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import {
  type Competency,
  type Correction,
  type Education,
  type PersonRecords,
  type RecordImport,
  recordsApi,
} from './api.ts';

const useLang = () => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
};

/** Formal education, highest marked; `actions` adds a column of buttons for BKPSDM. */
export function EducationTable({ rows, actions }: { rows: Education[]; actions?: (e: Education) => ReactNode }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('records.edu.empty')}</p>;
  const columns: Column<Education>[] = [
    { key: 'level', header: t('records.edu.level'), rowHeader: true, cell: (e) => EDUCATION_LEVEL_NAMES[e.level] },
    { key: 'institution', header: t('records.edu.institution'), cell: (e) => e.institution },
    { key: 'major', header: t('records.edu.major'), cell: (e) => e.major || '—' },
    { key: 'year', header: t('records.edu.year'), className: 'num', cell: (e) => e.graduationYear },
    {
      key: 'highest',
      header: t('records.edu.highest'),
      cell: (e) => (e.isHighest ? <span className="badge badge--ok">{t('records.edu.isHighest')}</span> : '—'),
    },
    {
      key: 'ijazah',
      header: t('records.edu.ijazah'),
      cell: (e) =>
        e.hasIjazah ? (
          <a href={recordsApi.ijazahUrl(e.id)} download>
            {t('records.edu.download')}
            <span className="sr-only"> {t('records.edu.ijazahOf', { level: EDUCATION_LEVEL_NAMES[e.level] })}</span>
          </a>
        ) : (
          t('records.edu.noIjazah')
        ),
    },
    { key: 'source', header: t('records.source'), cell: (e) => t(`records.sources.${e.source}`) },
  ];
  if (actions) columns.push({ key: 'actions', header: t('records.actions'), cell: actions });
  return (
    <DataTable
      label={t('records.edu.table')}
      caption={t('records.edu.table')}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(e) => e.id}
    />
  );
}

/** Courses from before or outside Merit; `actions` adds a column of buttons for BKPSDM. */
export function CompetencyTable({ rows, actions }: { rows: Competency[]; actions?: (c: Competency) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0) return <p className="muted">{t('records.comp.empty')}</p>;
  const columns: Column<Competency>[] = [
    { key: 'title', header: t('records.comp.title'), rowHeader: true, cell: (c) => c.title },
    {
      key: 'kind',
      header: t('records.comp.kind'),
      cell: (c) =>
        `${t(`records.kinds.${c.kind}`)}${c.leadershipLevel ? ` · ${LEADERSHIP_LEVEL_NAMES[c.leadershipLevel]}` : ''}${
          c.matchesJabatan === null
            ? ''
            : ` · ${t(c.matchesJabatan ? 'records.comp.matches' : 'records.comp.notMatches')}`
        }`,
    },
    { key: 'organizer', header: t('records.comp.organizer'), cell: (c) => c.organizer || '—' },
    {
      key: 'dates',
      header: t('records.comp.dates'),
      cell: (c) =>
        c.startedOn
          ? `${formatCalendarDate(c.startedOn, lang)} – ${formatCalendarDate(c.completedOn, lang)}`
          : formatCalendarDate(c.completedOn, lang),
    },
    { key: 'jp', header: t('records.comp.jp'), className: 'num', cell: (c) => c.jp ?? '—' },
    { key: 'source', header: t('records.source'), cell: (c) => t(`records.sources.${c.source}`) },
  ];
  if (actions) columns.push({ key: 'actions', header: t('records.actions'), cell: actions });
  return (
    <DataTable
      label={t('records.comp.table')}
      caption={t('records.comp.table')}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(c) => c.id}
    />
  );
}

type MeritRow = { key: string; title: string; what: string; date: string; jp: number };

/** Merit's own completed trainings and approved JP claims (read-only; they come from the training pages). */
export function MeritTable({ merit }: { merit: PersonRecords['merit'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: MeritRow[] = [
    ...merit.completions.map((c) => ({
      key: c.enrollmentId,
      title: `${c.title} (${c.batchName})`,
      what: t('records.merit.completion'),
      date: `${formatCalendarDate(c.startsOn, lang)} – ${formatCalendarDate(c.endsOn, lang)}`,
      jp: c.jp,
    })),
    ...merit.claims.map((c) => ({
      key: c.claimId,
      title: `${c.title} · ${c.organizer}`,
      what: t('records.merit.claim'),
      date: formatCalendarDate(c.heldOn, lang),
      jp: c.jp,
    })),
  ];
  if (rows.length === 0) return <p className="muted">{t('records.merit.empty')}</p>;
  return (
    <DataTable
      label={t('records.merit.table')}
      caption={t('records.merit.table')}
      captionHidden
      columns={[
        { key: 'title', header: t('records.comp.title'), rowHeader: true, cell: (r) => r.title },
        { key: 'what', header: t('records.merit.what'), cell: (r) => r.what },
        { key: 'date', header: t('records.comp.dates'), cell: (r) => r.date },
        { key: 'jp', header: t('records.comp.jp'), className: 'num', cell: (r) => r.jp },
      ]}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}

/** Proposed corrections with their status; `decide` adds BKPSDM's decision form per waiting row. */
export function CorrectionsTable({
  rows,
  showPerson,
  decide,
}: {
  rows: Correction[];
  showPerson?: boolean;
  decide?: (c: Correction) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0) return <p className="muted">{t('records.corr.empty')}</p>;
  const columns: Column<Correction>[] = [
    {
      key: 'submitted',
      header: t('records.corr.submitted'),
      rowHeader: true,
      cell: (c) => formatCalendarDate(c.submittedAt.slice(0, 10), lang),
    },
    ...(showPerson
      ? [
          {
            key: 'person',
            header: t('records.corr.person'),
            cell: (c: Correction) => (
              <>
                {c.employee.fullName} <span className="mono small">{c.employee.nip}</span>
                <span className="small muted"> · {c.employee.organizationName}</span>
              </>
            ),
          },
        ]
      : []),
    { key: 'record', header: t('records.corr.record'), cell: (c) => c.recordSummary ?? t('records.corr.noRecord') },
    { key: 'proposal', header: t('records.corr.proposal'), cell: (c) => <span className="prewrap">{c.proposal}</span> },
    {
      key: 'evidence',
      header: t('records.corr.evidence'),
      cell: (c) => (
        <a href={recordsApi.evidenceUrl(c.id)} download>
          {t('records.edu.download')}
        </a>
      ),
    },
    {
      key: 'status',
      header: t('records.corr.status'),
      cell: (c) => (
        <>
          <span className={`badge ${c.status === 'rejected' ? 'badge--warn' : 'badge--ok'}`}>
            {t(`records.corr.statuses.${c.status}`)}
          </span>
          {c.decisionNote ? <p className="small">{c.decisionNote}</p> : null}
        </>
      ),
    },
  ];
  if (decide) columns.push({ key: 'decide', header: t('records.corr.decide'), cell: decide });
  return <DataTable label={t('records.corr.table')} columns={columns} rows={rows} rowKey={(c) => c.id} />;
}

/** A dry run's or an import's report: the summary, then each row with its problems (errors only when any). */
export function ImportReport({ result }: { result: RecordImport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const summary = result.committed
    ? t('records.sheet.done', result.counts)
    : result.ok
      ? t('records.sheet.okSummary', result.counts)
      : t('records.sheet.badSummary', result.counts);
  const rows = result.ok ? result.report.slice(0, 200) : result.report.filter((r) => r.status === 'error');
  return (
    <>
      <Alert tone={result.ok ? 'success' : 'error'}>
        <p>{summary}</p>
      </Alert>
      <DataTable
        label={t('records.sheet.report')}
        caption={t('records.sheet.report')}
        columns={[
          {
            key: 'line',
            header: t('records.sheet.line'),
            className: 'num',
            cell: (r) => (r.line === 0 ? t('records.sheet.fileLevel') : r.line),
          },
          { key: 'nip', header: 'NIP', className: 'mono', cell: (r) => r.nip ?? '—' },
          {
            key: 'status',
            header: t('records.sheet.result'),
            cell: (r) => (
              <span className={`badge ${r.status === 'error' ? 'badge--warn' : 'badge--ok'}`}>
                {t(`records.sheet.rows.${r.status}`)}
              </span>
            ),
          },
          {
            key: 'problems',
            header: t('records.sheet.problems'),
            cell: (r) =>
              r.problems.length > 0 ? (
                <ul className="plain">
                  {r.problems.map((p, i) => (
                    <li key={i}>{p[lang]}</li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
        ]}
        rows={rows}
        rowKey={(r) => `${r.line}-${r.nip ?? ''}`}
      />
    </>
  );
}
