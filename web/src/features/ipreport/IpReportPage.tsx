/**
 * /ip-asn/laporan — the IP ASN index of a supervisor's OPD or of the city (BKPSDM): the index and
 * participation, the dimension means as bars, PNS and PPPK apart, the band spread per OPD as stacked
 * bars with the dimension that holds each OPD back, per jabatan type, the trend with BKN's
 * official figures, the instrument's provisional cells; the OPD PDF, the export and the import.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Me } from '../../../../common/contracts/identity.ts';
import { IP_DIMENSIONS } from '../../../../common/contracts/ip-report.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type Group, type IpFigure, type IpReport, ipReportApi } from './api.ts';
import { BAND_ORDER, BandStack, Bars } from './Charts.tsx';
import { ImportOfficial } from './ImportOfficial.tsx';
import { BandText, InstrumentNote, useNumber } from './parts.tsx';
import './i18n.ts';
import './ipreport.css';

const Filters = z.object({ year: z.string(), organizationId: z.string(), group: z.enum(['all', 'PNS', 'PPPK']) });
type Shown = { year?: number | undefined; organizationId?: string | undefined; group: Group };

function FilterForm({ d, onShow }: { d: IpReport | undefined; onShow: (s: Shown) => void }) {
  const { t } = useTranslation();
  const form = useContractForm(Filters, { year: '', organizationId: '', group: 'all' });
  const years = d?.years ?? [];
  return (
    <form
      className="form filters"
      noValidate
      aria-label={t('ipr.dashboard.filters')}
      onSubmit={form.handleSubmit((v) =>
        onShow({
          year: v.year ? Number(v.year) : undefined,
          organizationId: v.organizationId || undefined,
          group: v.group,
        }),
      )}
    >
      <SelectField label={t('ipr.common.year')} {...form.register('year')}>
        <option value="">{d ? String(d.year) : '—'}</option>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('ipr.common.opd')} {...form.register('organizationId')}>
        <option value="">
          {d && d.organizations.length === 1 ? d.organizations[0]!.name : t('ipr.dashboard.allOpd')}
        </option>
        {(d?.organizations.length ?? 0) > 1
          ? d!.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))
          : null}
      </SelectField>
      <SelectField label={t('ipr.dashboard.group')} {...form.register('group')}>
        {(['all', 'PNS', 'PPPK'] as const).map((g) => (
          <option key={g} value={g}>
            {t(`ipr.group.${g}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="btn btn--secondary">
          {t('ipr.dashboard.show')}
        </button>
      </div>
    </form>
  );
}

function Summary({ d, me }: { d: IpReport; me: Me }) {
  const { t } = useTranslation();
  const n = useNumber();
  const f = d.overall;
  const scope = d.scopeName;
  const bkpsdm = me.role !== 'supervisor';
  return (
    <section className="card" aria-labelledby="ipr-summary">
      <h2 id="ipr-summary">
        {f.n > 0
          ? t('ipr.dashboard.summary', { scope, year: d.year, total: n(f.total), band: t(`ipr.band.${f.band}`) })
          : t('ipr.dashboard.summaryNone', { scope, year: d.year })}
      </h2>
      <p>
        {t('ipr.dashboard.participationText', {
          n: f.n,
          of: f.of,
          percent: n(f.participation ?? 0, 1),
          provisional: f.provisional,
        })}
      </p>
      <p className="small">{t('ipr.dashboard.cpnsNote')}</p>
      <p className="actions">
        {d.organizationId && f.of > 0 ? (
          <a className="btn btn--secondary" href={ipReportApi.pdfUrl(d.organizationId, d.year)} download>
            {t('ipr.dashboard.pdf')}
          </a>
        ) : null}
        {bkpsdm && f.of > 0 ? (
          <a className="btn btn--secondary" href={ipReportApi.exportUrl(d.year)} download>
            {t('ipr.dashboard.export')}
          </a>
        ) : null}
      </p>
      {bkpsdm ? <p className="small">{t('ipr.dashboard.exportNote')}</p> : null}
      <Dimensions d={d} figure={f} />
    </section>
  );
}

function Dimensions({ d, figure }: { d: IpReport; figure: IpFigure }) {
  const { t } = useTranslation();
  const n = useNumber();
  const maxima = d.instrument?.maxima ?? { kualifikasi: 25, kompetensi: 40, kinerja: 30, disiplin: 5 };
  const rows = IP_DIMENSIONS.map((dim) => ({ dim, mean: figure.means[dim], max: maxima[dim] }));
  return (
    <>
      <Bars
        caption={t('ipr.dashboard.dimChart', { scope: d.scopeName, year: d.year })}
        bars={rows.map((r) => ({
          key: r.dim,
          label: t(`ipr.dim.${r.dim}`),
          value: r.mean,
          max: r.max,
          text: `${n(r.mean)} / ${r.max}`,
        }))}
      />
      <DataTable
        label={t('ipr.dashboard.dimTable')}
        caption={t('ipr.dashboard.dimTable')}
        captionHidden
        rows={rows}
        rowKey={(r) => r.dim}
        columns={[
          { key: 'd', header: t('ipr.dashboard.dimension'), cell: (r) => t(`ipr.dim.${r.dim}`) },
          { key: 'm', header: t('ipr.dashboard.mean'), className: 'num', cell: (r) => n(r.mean) },
          { key: 'x', header: t('ipr.dashboard.max'), className: 'num', cell: (r) => r.max },
        ]}
      />
    </>
  );
}

/** The columns every figure table shares: measured, complete, participation, index, band, the five bands. */
function useFigureColumns<T>(figureOf: (row: T) => IpFigure) {
  const { t } = useTranslation();
  const n = useNumber();
  return [
    { key: 'of', header: t('ipr.common.measured'), className: 'num', cell: (r: T) => figureOf(r).of },
    { key: 'n', header: t('ipr.common.complete'), className: 'num', cell: (r: T) => figureOf(r).n },
    {
      key: 'p',
      header: t('ipr.common.participation'),
      className: 'num',
      cell: (r: T) => `${n(figureOf(r).participation, 1)} %`,
    },
    {
      key: 'i',
      header: t('ipr.common.index'),
      className: 'num',
      cell: (r: T) => (figureOf(r).n ? n(figureOf(r).total) : '—'),
    },
    { key: 'b', header: t('ipr.common.band'), cell: (r: T) => <BandText band={figureOf(r).band} /> },
    ...BAND_ORDER.map((b) => ({
      key: b,
      header: t(`ipr.band.${b}`),
      className: 'num',
      cell: (r: T) => figureOf(r).bands[b],
    })),
  ];
}

function Groups({ d }: { d: IpReport }) {
  const { t } = useTranslation();
  const columns = useFigureColumns((g: IpReport['byGroup'][number]) => g.figure);
  return (
    <section className="card" aria-labelledby="ipr-groups">
      <h2 id="ipr-groups">{t('ipr.dashboard.groupsTitle')}</h2>
      <DataTable
        label={t('ipr.dashboard.groupsTable')}
        caption={t('ipr.dashboard.groupsTable')}
        captionHidden
        rows={d.byGroup}
        rowKey={(g) => g.group}
        columns={[{ key: 'g', header: t('ipr.dashboard.group'), cell: (g) => t(`ipr.group.${g.group}`) }, ...columns]}
      />
    </section>
  );
}

function Organizations({ d }: { d: IpReport }) {
  const { t } = useTranslation();
  const n = useNumber();
  const columns = useFigureColumns((o: IpReport['byOrganization'][number]) => o.figure);
  return (
    <section className="card" aria-labelledby="ipr-orgs">
      <h2 id="ipr-orgs">{t('ipr.dashboard.orgTitle')}</h2>
      <BandStack
        caption={t('ipr.dashboard.bandsChart', { year: d.year })}
        rows={d.byOrganization.map((o) => ({ key: o.organizationId, label: o.name, bands: o.figure.bands }))}
      />
      <DataTable
        label={t('ipr.dashboard.orgTable')}
        caption={t('ipr.dashboard.orgTable')}
        captionHidden
        rows={d.byOrganization}
        rowKey={(o) => o.organizationId}
        columns={[
          { key: 'o', header: t('ipr.common.opd'), cell: (o) => o.name },
          ...columns,
          {
            key: 'h',
            header: t('ipr.dashboard.holdsBack'),
            cell: (o) =>
              o.holdsBack
                ? t('ipr.dashboard.holdsBackText', {
                    dimension: t(`ipr.dim.${o.holdsBack.dimension}`),
                    mean: n(o.holdsBack.mean),
                    max: o.holdsBack.max,
                  })
                : '—',
          },
          {
            key: 'pdf',
            header: 'PDF',
            cell: (o) => (
              <a
                href={ipReportApi.pdfUrl(o.organizationId, d.year)}
                download
                aria-label={t('ipr.dashboard.pdfFor', { name: o.name })}
              >
                PDF
              </a>
            ),
          },
        ]}
      />
    </section>
  );
}

function Jabatan({ d }: { d: IpReport }) {
  const { t } = useTranslation();
  const columns = useFigureColumns((j: IpReport['byJabatan'][number]) => j.figure);
  return (
    <section className="card" aria-labelledby="ipr-jabatan">
      <h2 id="ipr-jabatan">{t('ipr.dashboard.jabatanTitle')}</h2>
      <DataTable
        label={t('ipr.dashboard.jabatanTable')}
        caption={t('ipr.dashboard.jabatanTable')}
        captionHidden
        rows={d.byJabatan}
        rowKey={(j) => j.jabatanType ?? 'none'}
        columns={[
          {
            key: 'j',
            header: t('ipr.dashboard.jabatanType'),
            cell: (j) => t(`ipr.jabatan.${j.jabatanType ?? 'none'}`),
          },
          ...columns,
        ]}
      />
    </section>
  );
}

function Trend({ d }: { d: IpReport }) {
  const { t } = useTranslation();
  const n = useNumber();
  return (
    <section className="card" aria-labelledby="ipr-trend">
      <h2 id="ipr-trend">{t('ipr.dashboard.trendTitle')}</h2>
      <Bars
        caption={t('ipr.dashboard.trendChart', { scope: d.scopeName })}
        labelWidth={120}
        bars={d.trend.map((y) => ({
          key: String(y.year),
          label: String(y.year),
          value: y.total,
          max: 100,
          text: n(y.total),
        }))}
      />
      <DataTable
        label={t('ipr.dashboard.trendTable')}
        caption={t('ipr.dashboard.trendTable')}
        captionHidden
        rows={d.trend}
        rowKey={(y) => String(y.year)}
        columns={[
          { key: 'y', header: t('ipr.common.year'), cell: (y) => y.year },
          {
            key: 'v',
            header: t('ipr.dashboard.version'),
            cell: (y) => <span className="mono">{y.instrumentVersion}</span>,
          },
          { key: 'c', header: t('ipr.common.complete'), className: 'num', cell: (y) => `${y.n} / ${y.of}` },
          { key: 'i', header: t('ipr.common.index'), className: 'num', cell: (y) => (y.n ? n(y.total) : '—') },
          { key: 'b', header: t('ipr.common.band'), cell: (y) => <BandText band={y.band} /> },
          { key: 'o', header: t('ipr.dashboard.official'), className: 'num', cell: (y) => n(y.official) },
        ]}
      />
    </section>
  );
}

function Official({ d }: { d: IpReport }) {
  const { t } = useTranslation();
  const n = useNumber();
  const meritOf = (o: IpReport['official'][number]) => {
    const g = d.byGroup.find((x) => x.group === o.employeeStatus)?.figure;
    if (!o.organizationId) return d.organizationId ? null : (g ?? null);
    return (
      d.byOrganization.find((x) => x.organizationId === o.organizationId && d.group === o.employeeStatus)?.figure ??
      null
    );
  };
  return (
    <section className="card" aria-labelledby="ipr-official">
      <h2 id="ipr-official">{t('ipr.dashboard.officialTitle', { year: d.year })}</h2>
      {d.official.length === 0 ? (
        <p>{t('ipr.dashboard.officialNone')}</p>
      ) : (
        <DataTable
          label={t('ipr.dashboard.officialTable')}
          caption={t('ipr.dashboard.officialTable')}
          captionHidden
          rows={d.official}
          rowKey={(o) => `${o.employeeStatus}-${o.organizationId ?? ''}`}
          columns={[
            { key: 'o', header: t('ipr.common.opd'), cell: (o) => o.name },
            { key: 'g', header: t('ipr.dashboard.group'), cell: (o) => o.employeeStatus },
            { key: 'r', header: t('ipr.dashboard.respondents'), className: 'num', cell: (o) => o.respondents ?? '—' },
            { key: 't', header: t('ipr.dashboard.official'), className: 'num', cell: (o) => n(o.total) },
            { key: 'm', header: t('ipr.dashboard.merit'), className: 'num', cell: (o) => n(meritOf(o)?.total) },
          ]}
        />
      )}
    </section>
  );
}

function Page({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>({ group: 'all' });
  const q = useQuery({
    queryKey: ['ipr', 'dashboard', shown.year ?? '', shown.organizationId ?? '', shown.group],
    queryFn: () => ipReportApi.dashboard(shown),
  });
  return (
    <>
      <PageTitle title={t('ipr.dashboard.title')} lead={t('ipr.dashboard.lead')}>
        {t('ipr.dashboard.title')}
      </PageTitle>
      <FilterForm d={q.data} onShow={setShown} />
      <QueryState query={q} isEmpty={(d) => d.overall.of === 0 && d.trend.length === 0} empty={t('ipr.common.noData')}>
        {(d) => (
          <>
            <Summary d={d} me={me} />
            <Groups d={d} />
            <Organizations d={d} />
            <Jabatan d={d} />
            <Trend d={d} />
            <Official d={d} />
            {d.instrument ? <InstrumentNote instrument={d.instrument} /> : null}
          </>
        )}
      </QueryState>
      {me.role !== 'supervisor' ? <ImportOfficial /> : null}
    </>
  );
}

export function IpReportPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Page me={me} />}</RequireAuth>;
}
