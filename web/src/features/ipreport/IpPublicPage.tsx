/**
 * /ip-asn — the city's and each OPD's IP ASN index and band spread for anyone: all ASN, PNS (with
 * CPNS) and PPPK, each only when five or more people have complete data (smaller groups read
 * "kurang dari 5 orang" without a number), with the instrument version and its provisional cells.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type IpPublic, ipReportApi } from './api.ts';
import { BAND_ORDER, BandStack } from './Charts.tsx';
import { BandText, InstrumentNote, useNumber } from './parts.tsx';
import './i18n.ts';
import './ipreport.css';

type Row = {
  key: string;
  opd: string;
  group: IpPublic['city'][number]['group'];
  figure: IpPublic['city'][number]['figure'];
};

function useColumns(min: number) {
  const { t } = useTranslation();
  const n = useNumber();
  const small = t('ipr.public.small', { min });
  return [
    { key: 'g', header: t('ipr.dashboard.group'), cell: (r: Row) => t(`ipr.group.${r.group}`) },
    {
      key: 'of',
      header: t('ipr.common.measured'),
      className: 'num',
      cell: (r: Row) => (r.figure.shown ? r.figure.of : small),
    },
    {
      key: 'n',
      header: t('ipr.common.complete'),
      className: 'num',
      cell: (r: Row) => (r.figure.shown ? r.figure.n : '—'),
    },
    {
      key: 'p',
      header: t('ipr.common.participation'),
      className: 'num',
      cell: (r: Row) => (r.figure.shown ? `${n(r.figure.participation, 1)} %` : '—'),
    },
    {
      key: 'i',
      header: t('ipr.common.index'),
      className: 'num',
      cell: (r: Row) => (r.figure.shown ? n(r.figure.total) : '—'),
    },
    {
      key: 'b',
      header: t('ipr.common.band'),
      cell: (r: Row) => (r.figure.shown ? <BandText band={r.figure.band} /> : '—'),
    },
    ...BAND_ORDER.map((b) => ({
      key: b,
      header: t(`ipr.band.${b}`),
      className: 'num',
      cell: (r: Row) => (r.figure.bands ? r.figure.bands[b] : '—'),
    })),
  ];
}

function Figures({ f }: { f: IpPublic }) {
  const { t } = useTranslation();
  const columns = useColumns(f.minGroup);
  const city: Row[] = f.city.map((g) => ({ key: g.group, opd: t('ipr.common.city'), ...g }));
  const orgs: Row[] = f.organizations.flatMap((o) =>
    o.groups.map((g) => ({ key: `${o.organizationId}-${g.group}`, opd: o.name, ...g })),
  );
  return (
    <>
      <p>
        <strong>{t('ipr.public.year', { year: f.year })}</strong> — {t('ipr.public.smallNote', { min: f.minGroup })}
      </p>
      <section className="card" aria-labelledby="ipr-city">
        <h2 id="ipr-city">{t('ipr.public.cityTitle')}</h2>
        <BandStack
          caption={t('ipr.public.cityChart', { year: f.year })}
          rows={city
            .filter((r) => r.figure.bands)
            .map((r) => ({ key: r.key, label: t(`ipr.group.${r.group}`), bands: r.figure.bands! }))}
        />
        <DataTable
          label={t('ipr.public.cityTable')}
          caption={t('ipr.public.cityTable')}
          captionHidden
          rows={city}
          rowKey={(r) => r.key}
          columns={columns}
        />
      </section>
      <section className="card" aria-labelledby="ipr-public-orgs">
        <h2 id="ipr-public-orgs">{t('ipr.public.orgTitle')}</h2>
        <DataTable
          label={t('ipr.public.orgTable')}
          caption={t('ipr.public.orgTable')}
          captionHidden
          rows={orgs}
          rowKey={(r) => r.key}
          columns={[{ key: 'o', header: t('ipr.common.opd'), cell: (r: Row) => r.opd }, ...columns]}
        />
        <p className="small">
          <Link to="/data-terbuka">{t('ipr.public.openData')}</Link>
        </p>
      </section>
      {f.instrument ? <InstrumentNote instrument={f.instrument} /> : null}
    </>
  );
}

export function IpPublicPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['ipr', 'public'], queryFn: () => ipReportApi.publicFigures() });
  return (
    <>
      <PageTitle title={t('ipr.public.title')} lead={t('ipr.public.lead')}>
        {t('ipr.public.title')}
      </PageTitle>
      <QueryState query={q} isEmpty={(f) => f.year === null} empty={t('ipr.public.none')}>
        {(f) => <Figures f={f} />}
      </QueryState>
    </>
  );
}
