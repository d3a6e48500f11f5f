/** /survei/:unitId/hasil — the unit's IKM for a period: NRR per unsur (chart and table), converted score, band, sample, respondent profile. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { participationApi } from '../../features/participation/api.ts';
import { BarChart } from '../../features/participation/BarChart.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { DataTable } from '../../ui/DataTable.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const fmt = (x: number | null, digits: number, lang: string) =>
  x === null
    ? '—'
    : x.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

type Results = Awaited<ReturnType<typeof participationApi.results>>;

/** NRR per unsur: the chart (once anyone answered), the table, and the grade bands. */
function UnsurSection({ r, lang }: { r: Results; lang: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="unsur-title">
      <h2 id="unsur-title">{t('prt.survey.unsurChart')}</h2>
      {r.respondents > 0 ? (
        <BarChart
          caption={t('prt.survey.unsurChart')}
          max={4}
          labelWidth={250}
          bars={r.unsur.map((u) => ({
            key: u.code,
            label: `${u.code} ${u.label}`,
            value: u.nrr,
            text: fmt(u.nrr, 2, lang),
            tone: u.nrr >= 3.0644 ? 'good' : u.nrr < 2.6 ? 'bad' : 'plain',
          }))}
        />
      ) : null}
      <DataTable
        label={t('prt.survey.unsur')}
        rows={r.unsur}
        rowKey={(u) => u.code}
        columns={[
          { key: 'unsur', header: t('prt.survey.unsur'), cell: (u) => `${u.code} ${u.label}` },
          { key: 'nrr', header: t('prt.survey.nrr'), className: 'num', cell: (u) => fmt(u.nrr, 2, lang) },
          {
            key: 'weight',
            header: t('prt.survey.weight'),
            className: 'num',
            cell: (u) => fmt(u.weight, 3, lang),
          },
          {
            key: 'weighted',
            header: t('prt.survey.weighted'),
            className: 'num',
            cell: (u) => fmt(u.weighted, 4, lang),
          },
        ]}
      />
      <p className="small muted">
        {t('prt.survey.bands', { bands: r.bands.map((b) => `${b.grade} ≥ ${fmt(b.min, 2, lang)}`).join(', ') })}
      </p>
    </section>
  );
}

/** Who answered: gender, age band, education and occupation with their counts. */
function RespondentProfile({ r }: { r: Results }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('prt.survey.profileTitle')}</h2>
      <ul className="plain">
        <li>
          {t('prt.survey.gender')}:{' '}
          {r.profile.gender.map((g) => `${t(`prt.survey.genders.${g.value}`)} ${g.count}`).join(', ')}
        </li>
        <li>
          {t('prt.survey.age')}: {r.profile.ageBand.map((g) => `${g.value} ${g.count}`).join(', ')}
        </li>
        <li>
          {t('prt.survey.education')}: {r.profile.education.map((g) => `${g.value} ${g.count}`).join(', ')}
        </li>
        <li>
          {t('prt.survey.occupation')}:{' '}
          {r.profile.occupation.map((g) => `${t(`prt.survey.occupations.${g.value}`)} ${g.count}`).join(', ')}
        </li>
      </ul>
    </section>
  );
}

export function SurveyResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { unitId } = useParams();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const results = useQuery({
    queryKey: ['prt', 'results', unitId, period],
    queryFn: () => participationApi.results(unitId!, period),
  });
  return (
    <QueryState query={results}>
      {(r) => (
        <>
          <PageTitle title={t('prt.survey.resultsTitle', { unit: r.unit.name })}>
            {t('prt.survey.resultsTitle', { unit: r.unit.name })}
          </PageTitle>
          <p className="small">{r.unit.organization.name}</p>
          <SelectField label={t('prt.survey.period')} value={r.period} onChange={(e) => setPeriod(e.target.value)}>
            {r.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
          <ul className="prt-kpis" aria-label={t('prt.survey.ikm')}>
            <li>
              {t('prt.survey.grade')}{' '}
              <strong className="prt-grade" data-testid="ikm-grade">
                {r.band ? `${r.band.grade}` : '—'}
              </strong>
              {r.band ? r.band.label : null}
            </li>
            <li>
              {t('prt.survey.converted')} <strong data-testid="ikm-converted">{fmt(r.converted, 2, lang)}</strong>
            </li>
            <li>
              {t('prt.survey.ikm')} <strong>{fmt(r.ikm, 4, lang)}</strong>
            </li>
            <li>
              {t('prt.survey.respondents')} <strong data-testid="ikm-respondents">{r.respondents}</strong>
              <span className="small">
                {t('prt.survey.sample', { population: r.unit.population })}: {r.sampleNeeded} (
                {r.sampleMet ? t('prt.survey.sampleMet') : t('prt.survey.sampleShort')})
              </span>
            </li>
          </ul>
          {r.respondents === 0 ? <p>{t('prt.survey.noData')}</p> : null}
          <UnsurSection r={r} lang={lang} />
          {r.respondents > 0 ? <RespondentProfile r={r} /> : null}
        </>
      )}
    </QueryState>
  );
}
