/** /kebijakan-publik — every recorded policy's follow-up progress, for anyone. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { performanceApi, policyApi, type PublicFigures } from '../../features/performance/api.ts';
import { PredikatChart } from '../../features/performance/components.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Progress } from '../../features/performance/PolicyParts.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const PREDIKATS = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;

/** The aggregate performance and 20 JP figures for the Wali Kota's office and the public. */
function Figures() {
  const { t } = useTranslation();
  // The server picks the newest period with final evaluations; the page says which one it is.
  const q = useQuery({ queryKey: ['skp', 'public'], queryFn: () => performanceApi.publicFigures() });
  return (
    <QueryState query={q}>
      {(f) => (
        <section className="card" aria-labelledby="figures">
          <h2 id="figures">{t('skp.figures.title', { year: f.year })}</h2>
          <p className="small">{t('skp.figures.lead', { min: f.minGroup })}</p>
          <p>
            <strong>{t('skp.dashboard.showing', { period: t(`skp.period.${f.period}`), year: f.year })}</strong> —{' '}
            {t('skp.figures.showingLatest')}
          </p>
          <PredikatChart
            counts={f.predikat}
            title={t('skp.figures.chart', { period: t(`skp.period.${f.period}`), year: f.year, count: f.evaluated })}
          />
          <DataTable
            label={t('skp.figures.predikatTable')}
            rows={f.byOrganization.filter((o) => o.evaluated > 0)}
            rowKey={(o) => o.organizationId}
            columns={[
              { key: 'n', header: t('skp.figures.organization'), cell: (o) => o.name },
              { key: 'e', header: t('skp.figures.evaluated'), className: 'num', cell: (o) => o.evaluated },
              ...PREDIKATS.map((p) => ({
                key: p,
                header: t(`skp.predikat.${p}`),
                className: 'num',
                cell: (o: PublicFigures['byOrganization'][number]) =>
                  o.predikat ? o.predikat[p] : t('skp.figures.hidden', { min: f.minGroup }),
              })),
            ]}
          />
          <p>{t('skp.figures.jp', f.jp)}</p>
          <DataTable
            label={t('skp.figures.jpTable')}
            rows={f.jp.byOrganization}
            rowKey={(o) => o.organizationId}
            columns={[
              { key: 'n', header: t('skp.figures.organization'), cell: (o) => o.name },
              { key: 'e', header: t('skp.figures.employees'), className: 'num', cell: (o) => o.employees },
              {
                key: 'p',
                header: t('skp.figures.percent'),
                className: 'num',
                cell: (o) => (o.percent === null ? t('skp.figures.hidden', { min: f.minGroup }) : `${o.percent}%`),
              },
            ]}
          />
        </section>
      )}
    </QueryState>
  );
}

export function PublicPoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const list = useQuery({ queryKey: ['policy', 'public'], queryFn: policyApi.publicList });
  return (
    <>
      <PageTitle title={t('skp.policy.publicTitle')} lead={t('skp.policy.publicLead')}>
        {t('skp.policy.publicTitle')}
      </PageTitle>
      <QueryState query={list} isEmpty={(d) => d.policies.length === 0} empty={t('skp.policy.none')}>
        {(d) => (
          <div className="skp-stack">
            {d.policies.map((p) => (
              <section key={p.id} className="card" aria-labelledby={`pp-${p.id}`}>
                <h2 id={`pp-${p.id}`}>
                  <Link to={`/kebijakan-publik/${p.id}`}>{p.title}</Link>
                </h2>
                <p className="skp-meta">
                  {t(`skp.policy.issuers.${p.issuer}`)} · {p.number} · {formatCalendarDate(p.issuedOn, lang)}
                </p>
                <Progress progress={p.progress} id={`ppl-${p.id}`} />
              </section>
            ))}
          </div>
        )}
      </QueryState>
      <Figures />
    </>
  );
}
