/**
 * An OPD's index-driven needs inside the draft competency plan (issue 26 §3): the kompetensi gaps
 * of its people's IP ASN that training can close, and per planned or offered training the expected
 * gain — people raised, points, the OPD's average after — marked as an estimate and provisional
 * where the instrument's cells are.
 */
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable.tsx';
import type { CompetencyPlan } from './api.ts';
import { useMsg } from './components.tsx';
import './i18n.ts';

type Org = CompetencyPlan['organizations'][number];
type IndexPart = NonNullable<Org['index']>;

export function IndexPlanNeeds({
  org,
  index,
  source,
}: {
  org: Org;
  index: IndexPart;
  source: NonNullable<CompetencyPlan['index']>;
}) {
  const { t, i18n } = useTranslation();
  const text = useMsg();
  const num = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });
  const headingId = `index-needs-${org.organizationId}`;
  return (
    <div className="skp-result" aria-labelledby={headingId} role="group">
      <h4 id={headingId}>{t('skp.dashboard.indexTitle', { year: source.year })}</h4>
      <p className="small">
        {index.average === null
          ? t('skp.dashboard.indexLeadNoAverage', { people: index.people })
          : t('skp.dashboard.indexLead', {
              measured: index.measured,
              people: index.people,
              average: num(index.average),
            })}
      </p>
      {index.needs.length === 0 ? (
        <p className="small">{t('skp.dashboard.indexNoNeeds')}</p>
      ) : (
        <ul>
          {index.needs.map((n) => (
            <li key={`${n.action}-${n.level ?? ''}-${n.gainEach}`}>
              {text(n.text)}
              {n.provisional ? ` (${t('skp.dashboard.indexProvisional')})` : null}
            </li>
          ))}
        </ul>
      )}
      {index.trainings.length === 0 ? (
        index.needs.length > 0 ? (
          <p className="small">{t('skp.dashboard.indexNoTraining')}</p>
        ) : null
      ) : (
        <DataTable
          label={t('skp.dashboard.indexTable', { name: org.name })}
          caption={t('skp.dashboard.indexCaption', { name: org.name })}
          rows={index.trainings}
          rowKey={(r) => r.program.id}
          columns={[
            {
              key: 'p',
              header: t('skp.dashboard.indexTraining'),
              cell: (r) => `${r.program.title} (${r.program.jp} JP)`,
            },
            {
              key: 's',
              header: t('skp.dashboard.indexSource'),
              cell: (r) =>
                r.inPlan ? t('skp.dashboard.indexInPlan') : t('skp.dashboard.indexOffered', { n: r.openBatches }),
            },
            { key: 'c', header: t('skp.dashboard.indexCovered'), className: 'num', cell: (r) => r.covered },
            {
              key: 'g',
              header: t('skp.dashboard.indexPoints'),
              className: 'num',
              cell: (r) => `+${num(r.points)}${r.provisional ? ` (${t('skp.dashboard.indexProvisional')})` : ''}`,
            },
            {
              key: 'a',
              header: t('skp.dashboard.indexChange'),
              className: 'num',
              cell: (r) => (r.averageChange === null ? '—' : `+${num(r.averageChange)}`),
            },
            {
              key: 'e',
              header: t('skp.dashboard.indexAfter'),
              className: 'num',
              cell: (r) => (r.expectedAverage === null ? '—' : num(r.expectedAverage)),
            },
          ]}
        />
      )}
      <p className="small muted">{t('skp.dashboard.indexEstimate', { version: source.instrumentVersion })}</p>
    </div>
  );
}
