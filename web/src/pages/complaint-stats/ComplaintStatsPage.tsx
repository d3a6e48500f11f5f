/** /pengaduan/statistik — public complaint statistics: per category, on-time verification and follow-up per OPD, with charts and the same numbers as tables. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { participationApi } from '../../features/participation/api.ts';
import { BarChart } from '../../features/participation/BarChart.tsx';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type Stats = Awaited<ReturnType<typeof participationApi.stats>>;

/** Complaints per category: a chart and the same numbers per status as a table. */
function ByCategory({ s }: { s: Stats }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="by-category">
      <h2 id="by-category">{t('prt.stats.byCategory')}</h2>
      {s.byCategory.length === 0 ? <p>{t('prt.stats.none')}</p> : null}
      {s.byCategory.length > 0 ? (
        <>
          <BarChart
            caption={t('prt.stats.byCategoryChart')}
            max={Math.max(...s.byCategory.map((c) => c.total))}
            bars={s.byCategory.map((c) => ({
              key: c.category,
              label: t(`prt.categories.${c.category}`),
              value: c.total,
              text: String(c.total),
            }))}
          />
          <DataTable
            label={t('prt.stats.byCategory')}
            rows={s.byCategory}
            rowKey={(c) => c.category}
            columns={[
              {
                key: 'category',
                header: t('prt.stats.category'),
                cell: (c) => t(`prt.categories.${c.category}`),
              },
              { key: 'total', header: t('prt.stats.count'), className: 'num', cell: (c) => c.total },
              ...(['submitted', 'disposed', 'followed_up', 'closed', 'rejected'] as const).map((st) => ({
                key: st,
                header: t(`prt.status.${st}`),
                className: 'num',
                cell: (c: (typeof s.byCategory)[number]) => c.byStatus[st] ?? 0,
              })),
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

/** Follow-up on time per OPD: a chart of the percentages and the counts as a table. */
function ByOrganization({ s }: { s: Stats }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="by-opd">
      <h2 id="by-opd">{t('prt.stats.byOpd')}</h2>
      {s.byOrganization.length === 0 ? <p>{t('prt.stats.none')}</p> : null}
      {s.byOrganization.length > 0 ? (
        <>
          <BarChart
            caption={t('prt.stats.byOpdChart', { days: s.sla.followUpDays })}
            max={100}
            labelWidth={260}
            bars={s.byOrganization.map((o) => ({
              key: o.organizationId,
              label: o.name,
              value: o.percent ?? 0,
              text: o.percent === null ? '—' : `${o.percent} %`,
              tone: o.percent === null ? 'plain' : o.percent >= 80 ? 'good' : 'bad',
            }))}
          />
          <DataTable
            label={t('prt.stats.byOpd')}
            rows={s.byOrganization}
            rowKey={(o) => o.organizationId}
            columns={[
              { key: 'opd', header: t('prt.stats.opd'), cell: (o) => o.name },
              { key: 'disposed', header: t('prt.stats.disposed'), className: 'num', cell: (o) => o.disposed },
              { key: 'onTime', header: t('prt.stats.onTime'), className: 'num', cell: (o) => o.onTime },
              { key: 'late', header: t('prt.stats.late'), className: 'num', cell: (o) => o.late },
              { key: 'pending', header: t('prt.stats.pending'), className: 'num', cell: (o) => o.pending },
              {
                key: 'percent',
                header: t('prt.stats.percent'),
                className: 'num',
                cell: (o) => (o.percent === null ? '—' : `${o.percent} %`),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

export function ComplaintStatsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const stats = useQuery({ queryKey: ['prt', 'stats'], queryFn: participationApi.stats });
  return (
    <>
      <PageTitle title={t('prt.stats.title')}>{t('prt.stats.title')}</PageTitle>
      <ParticipationLinks />
      <QueryState query={stats}>
        {(s) => (
          <>
            <p className="lead">{t('prt.stats.lead', { at: formatWitaDateTime(s.updatedAt, lang) })}</p>
            <ul className="prt-kpis">
              <li>
                {t('prt.stats.total')} <strong>{s.total}</strong>
              </li>
              <li>
                {t('prt.stats.verifiedOnTime')}{' '}
                <strong>{s.verification.percent === null ? '—' : `${s.verification.percent} %`}</strong>
              </li>
              <li>
                {t('prt.stats.lateNow')} <strong>{s.lateNow}</strong>
              </li>
            </ul>
            <p className="small">
              {t('prt.stats.rules', {
                verify: s.sla.verifyDays,
                followUp: s.sla.followUpDays,
                close: s.sla.closeAfterDays,
              })}
            </p>
            <ByCategory s={s} />
            <ByOrganization s={s} />
          </>
        )}
      </QueryState>
    </>
  );
}
