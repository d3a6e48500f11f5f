/**
 * /hasil/:periodId — the period's published results: each publication (stage, version, date, the
 * correction reason), its official PENGUMUMAN PDF, its open-data files with size, SHA-256 and download link, how to recompute
 * them with `merit rank` / `merit integrate`, and links to each formation's results.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, usePublicPeriods } from '../../features/recruitment/hooks.ts';
import { announcementUrl, fileUrl, type Publication } from '../../features/selection/api.ts';
import { ShaValue } from '../../features/selection/components/bits.tsx';
import { formatBytes, usePeriodFormations, usePublicResults } from '../../features/selection/hooks.ts';
import '../../features/selection/selection.css';
import '../../features/recruitment/recruitment.css';
import { Alert } from '../../ui/Alert.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import '../../features/home/i18n.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/selection/i18n.ts';

function PublicationCard({ pub }: { pub: Publication }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = `pub-${pub.id}`;
  return (
    <li>
      <h3 id={headingId}>
        {t(`sel.stage.${pub.stage}`)} · {t('sel.pub.version', { version: pub.version })}
      </h3>
      <p className="small">
        {t('sel.pub.publishedAt')}: {formatDateTime(pub.decidedAt ?? pub.proposedAt, lang)}
      </p>
      {pub.version > 1 && pub.reason ? (
        <Alert tone="warning" title={t('sel.pub.correction')}>
          <p>{pub.reason}</p>
        </Alert>
      ) : null}
      <p>
        <a className="btn btn--secondary" href={announcementUrl(pub.id)} download>
          {t('sel.pub.announcement')}
        </a>
      </p>
      <p className="small muted">{t('sel.pub.announcementHint')}</p>
      <h4>{t('sel.pub.files')}</h4>
      <ul className="sel-files" aria-labelledby={headingId}>
        {pub.files.map((f) => (
          <li key={f.name}>
            <p className="rec-row">
              <a href={fileUrl(pub.id, f.name)} download={f.name} className="strong" data-file={f.name}>
                {t('sel.pub.download', { name: f.name })}
              </a>
              <span className="small muted">
                {t('sel.pub.size')}: {formatBytes(f.bytes, lang)}
              </span>
            </p>
            <p className="small muted">{t('sel.pub.sha')}</p>
            <ShaValue sha={f.sha256} name={f.name} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The commands that recompute the published files; thresholds.json carries the period's passing grades. */
function VerifyBox({ year }: { year: number }) {
  const { t } = useTranslation();
  const points = t('sel.pub.verifyPoints', { returnObjects: true }) as string[];
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('sel.pub.verifyTitle')}</h2>
      <p>{t('sel.pub.verifyLead')}</p>
      <p className="strong">{t('sel.pub.verifyRank')}</p>
      <pre className="sel-cmd" tabIndex={0}>
        <code>{`npx merit rank --year ${year} --thresholds thresholds.json --formations formations.csv --scores skd.csv --out ranking.csv`}</code>
      </pre>
      <p className="strong">{t('sel.pub.verifyIntegrate')}</p>
      <pre className="sel-cmd" tabIndex={0}>
        <code>npx merit integrate --formations formations.csv --ranking ranking.csv --skb skb.csv --out final.csv</code>
      </pre>
      <p className="small">{t('sel.pub.verifyCheck')}</p>
      <ul>
        {points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className="small">
        {t('sel.pub.contract')}: <code className="mono">docs/open-data.md</code>
      </p>
    </section>
  );
}

export function ResultsPeriodPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { periodId = '' } = useParams();
  const periods = usePublicPeriods();
  const results = usePublicResults(periodId);
  const formations = usePeriodFormations(periodId);
  const period = periods.data?.periods.find((p) => p.id === periodId);
  const name = period?.name ?? '';
  const pubs = results.data?.publications ?? [];
  return (
    <>
      <p className="small">
        <Link to="/hasil">{t('sel.pub.back')}</Link>
      </p>
      <PageTitle title={t('sel.pub.periodTitle', { name })} lead={t('sel.pub.periodLead')}>
        {t('sel.pub.periodTitle', { name })}
      </PageTitle>
      {periods.isPending || results.isPending ? <Loading label={t('app.loading')} /> : null}
      {periods.data && !period ? <Alert tone="error">{t('sel.pub.notFound')}</Alert> : null}
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      {results.data ? (
        <section className="card" aria-labelledby="pubs-title">
          <h2 id="pubs-title">{t('sel.pub.publications')}</h2>
          {pubs.length === 0 ? <p>{t('sel.pub.noPublications')}</p> : null}
          <ul className="rec-cards">
            {pubs.map((p) => (
              <PublicationCard key={p.id} pub={p} />
            ))}
          </ul>
        </section>
      ) : null}
      {pubs.length > 0 && period ? <VerifyBox year={period.year} /> : null}
      <section className="card" aria-labelledby="formations-title">
        <h2 id="formations-title">{t('sel.pub.formations')}</h2>
        {formations.isPending ? <Loading label={t('app.loading')} /> : null}
        {formations.isError ? <ErrorAlert error={formations.error} /> : null}
        {formations.data && formations.data.formations.length === 0 ? <p>{t('sel.pub.formationsEmpty')}</p> : null}
        {formations.data && formations.data.formations.length > 0 ? (
          <TableWrap label={t('hm.results.tableLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('hm.results.formation')}</th>
                  <th scope="col">{t('hm.results.organization')}</th>
                  <th scope="col" className="num">
                    {t('hm.results.quota')}
                  </th>
                  <th scope="col" className="num">
                    {t('hm.results.applicants')}
                  </th>
                  <th scope="col">{t('hm.results.competition')}</th>
                </tr>
              </thead>
              <tbody>
                {formations.data.formations.map((f) => {
                  const most = Math.max(
                    1,
                    ...formations.data.formations.map((x) => x.applicants / Math.max(1, x.quota)),
                  );
                  const ratio = f.applicants / Math.max(1, f.quota);
                  return (
                    <tr key={f.id}>
                      <th scope="row">
                        <Link to={`/hasil/${periodId}/formasi/${encodeURIComponent(f.code)}`}>
                          {t('sel.pub.formationLink', { code: f.code, jabatan: f.jabatan })}
                        </Link>
                      </th>
                      <td>{f.organizationName}</td>
                      <td className="num">{f.quota}</td>
                      <td className="num">{f.applicants}</td>
                      <td>
                        {/* A bar per formation: applicants per opening, the number beside it for every reader. */}
                        <span
                          className="ratio-bar"
                          aria-hidden="true"
                          style={{ width: `${((ratio / most) * 8).toFixed(2)}rem` }}
                        />
                        <span className="small">
                          {t('hm.results.ratio', {
                            ratio: ratio.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
                              maximumFractionDigits: 1,
                            }),
                          })}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}
