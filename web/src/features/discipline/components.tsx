/** Pieces the discipline pages share: the records table, a record's term and status, and the column on the employee list. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { type DisciplineRecord, disciplineApi } from './api.ts';
import './i18n.ts';

export const useLang = () => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? ('en' as const) : ('id' as const);
};

/** "1 Mar 2026 – 31 Aug 2026", or "from 2 Feb 2026 (no term)". */
export function Term({ r }: { r: DisciplineRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  const start = formatCalendarDate(r.start, lang);
  return r.end ? (
    <>
      {start} – {formatCalendarDate(r.end, lang)}
    </>
  ) : (
    <>
      {t('disc.from', { date: start })} ({t('disc.noTerm')})
    </>
  );
}

/** Running, not running, or cancelled — in words, never by colour alone. */
export function Status({ r }: { r: DisciplineRecord }) {
  const { t } = useTranslation();
  const key = r.cancelled ? 'cancelled' : r.active ? 'active' : 'done';
  return <span className={`badge ${key === 'active' ? 'badge--warn' : 'badge--ok'}`}>{t(`disc.status.${key}`)}</span>;
}

export function KindCell({ r }: { r: DisciplineRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {r.kindName[lang]}
      <span className="small muted"> · {t(`disc.level.${r.level}`)}</span>
    </>
  );
}

export function ObjectionCell({ r }: { r: DisciplineRecord }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`disc.route.${r.objection.route}`)}
      <span className="small muted"> · {t(`disc.objectionStatus.${r.objection.status}`)}</span>
    </>
  );
}

/** BKPSDM's table of records; `withEmployee` adds who and where (the city list), left out on one person's panel. */
export function RecordsTable({
  records,
  withEmployee,
}: {
  records: readonly DisciplineRecord[];
  withEmployee: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: Column<DisciplineRecord>[] = [
    ...(withEmployee
      ? [
          {
            key: 'employee',
            header: t('disc.col.employee'),
            rowHeader: true,
            cell: (r: DisciplineRecord) => (
              <>
                <Link to={`/disiplin/pegawai/${r.employee.id}`}>{r.employee.fullName}</Link>
                <span className="small muted mono"> · {r.employee.nip}</span>
                <br />
                <span className="small muted">{r.employee.organization.name}</span>
              </>
            ),
          },
        ]
      : []),
    { key: 'kind', header: t('disc.col.kind'), cell: (r) => <KindCell r={r} /> },
    {
      key: 'sk',
      header: t('disc.col.sk'),
      cell: (r) => (
        <>
          {r.skNumber}
          <span className="small muted"> · {formatCalendarDate(r.skDate, lang)}</span>
          {r.hasSk ? (
            <>
              <br />
              <a href={disciplineApi.skUrl(r.id)} download>
                {t('disc.downloadSk')}
              </a>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'term', header: t('disc.col.term'), cell: (r) => <Term r={r} /> },
    { key: 'objection', header: t('disc.col.objection'), cell: (r) => <ObjectionCell r={r} /> },
    { key: 'status', header: t('disc.col.status'), cell: (r) => <Status r={r} /> },
    {
      key: 'actions',
      header: t('disc.col.actions'),
      cell: (r) => (
        <Link to={`/disiplin/${r.id}/ubah`} aria-label={t('disc.editOf', { sk: r.skNumber })}>
          {t('disc.edit')}
        </Link>
      ),
    },
  ];
  return (
    <DataTable
      label={t('disc.table')}
      caption={t('disc.table')}
      captionHidden
      columns={columns}
      rows={records}
      rowKey={(r) => r.id}
    />
  );
}

function PanelLink({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Link to={`/disiplin/pegawai/${id}`} aria-label={t('disc.openPanel', { name })}>
      {t('disc.panel')}
    </Link>
  );
}

function PanelHeader() {
  const { t } = useTranslation();
  return <>{t('disc.employeeColumn')}</>;
}

/** The column the employee list (development) shows BKPSDM: a link to the person's disciplinary history. */
export const disciplineColumn: Column<{ id: string; fullName: string }> = {
  key: 'discipline',
  header: <PanelHeader />,
  cell: (e) => <PanelLink id={e.id} name={e.fullName} />,
};
