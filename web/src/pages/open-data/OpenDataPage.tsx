/** /data-terbuka — the open-data catalog: each dataset's fields, rows, update time, licence, and its CSV/JSON files with their SHA-256. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { openDataApi } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const catalog = useQuery({ queryKey: ['prt', 'open-data'], queryFn: openDataApi.catalog });
  return (
    <>
      <PageTitle title={t('prt.open.title')} lead={t('prt.open.lead')}>
        {t('prt.open.title')}
      </PageTitle>
      <ParticipationLinks />
      <QueryState query={catalog}>
        {(c) => (
          <>
            <p className="small">
              {t('prt.open.licence')}: <a href={c.licence.url}>{c.licence.name}</a>
            </p>
            {c.datasets.map((d) => (
              <section key={d.id} className="card" aria-labelledby={`ds-${d.id}`}>
                <h2 id={`ds-${d.id}`}>{d.title}</h2>
                <p>{d.description}</p>
                <p className="small">
                  {t('prt.open.rows', { count: d.rows })} ·{' '}
                  {t('prt.open.updated', { at: formatWitaDateTime(d.updatedAt, lang) })}
                </p>
                <ul className="plain">
                  {d.files.map((f) => (
                    <li key={f.format}>
                      <a href={f.url}>{t('prt.open.download', { format: f.format.toUpperCase(), title: d.title })}</a> ·{' '}
                      <span className="small muted">SHA-256</span> <code className="break">{f.sha256}</code>
                    </li>
                  ))}
                </ul>
                <details>
                  <summary>{t('prt.open.fields', { count: d.fields.length })}</summary>
                  <DataTable
                    label={t('prt.open.fieldsOf', { title: d.title })}
                    rows={d.fields}
                    rowKey={(f) => f.name}
                    columns={[
                      {
                        key: 'field',
                        header: t('prt.open.field'),
                        cell: (f) => <span className="mono">{f.name}</span>,
                      },
                      { key: 'type', header: t('prt.open.type'), cell: (f) => f.type },
                      { key: 'meaning', header: t('prt.open.meaning'), cell: (f) => f.description },
                    ]}
                  />
                </details>
              </section>
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
