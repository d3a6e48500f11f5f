/** /formasi — the public formation catalog: period, filters, live applicant counts, "Lamar". */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { CatalogQuery, EDUCATION_LEVELS, NEED_TYPES } from '../../../../common/contracts/recruitment.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { useMe, useOrganizations } from '../../features/identity/hooks.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { PeriodPicker } from '../../features/recruitment/components/bits.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { recKey, useCatalog, usePublicPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Formation, Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import '../../features/recruitment/i18n.ts';

const PAGE_SIZE = 10;

/** Why the application was refused, on the card that was clicked: the message and each reason the server named. */
function ApplyRefusal({ error }: { error: unknown }) {
  const reasons = error instanceof ApiError ? error.fields.map((f) => f.message).filter(Boolean) : [];
  if (reasons.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert tone="error">
      <p>{(error as ApiError).message}</p>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** A formation's facts on its catalog card. */
function FormationFacts({ formation }: { formation: Formation }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--inline">
      <div>
        <dt>{t('rec.catalog.organization')}</dt>
        <dd>{formation.organizationName}</dd>
      </div>
      <div>
        <dt>{t('rec.catalog.educationLevel')}</dt>
        <dd>{formation.educationLevels.join(', ')}</dd>
      </div>
      <div>
        <dt>{t('rec.catalog.majors')}</dt>
        <dd>{formation.majors.length ? formation.majors.join(', ') : t('rec.catalog.anyMajor')}</dd>
      </div>
      <div>
        <dt>{t('rec.catalog.needType')}</dt>
        <dd>{t(`rec.need.${formation.needType}`)}</dd>
      </div>
      <div>
        <dt>{t('rec.catalog.quota')}</dt>
        <dd>{formation.quota}</dd>
      </div>
      <div>
        <dt>{t('rec.catalog.applicants')}</dt>
        <dd>{formation.applicants}</dd>
      </div>
    </dl>
  );
}

const all = <T extends z.ZodType>(schema: T) => z.literal('').or(schema);
/** The catalog query's filters as chosen: '' is "all". */
const FilterFields = z.object({
  organizationId: all(CatalogQuery.shape.organizationId.unwrap()),
  educationLevel: all(CatalogQuery.shape.educationLevel.unwrap()),
  needType: all(CatalogQuery.shape.needType.unwrap()),
  q: CatalogQuery.shape.q.unwrap(),
});
type Filter = z.infer<typeof FilterFields>;
const NO_FILTER: Filter = { organizationId: '', educationLevel: '', needType: '', q: '' };

/** The catalog's period and filters; the filters apply on submit. */
function CatalogFilters({
  periods,
  periodId,
  onPeriod,
  onFilter,
}: {
  periods: Period[];
  periodId: string;
  onPeriod: (id: string) => void;
  onFilter: (f: Filter) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const form = useContractForm(FilterFields, NO_FILTER);
  return (
    <form
      className="card form"
      role="search"
      noValidate
      aria-labelledby="filter-title"
      onSubmit={form.handleSubmit(onFilter)}
    >
      <h2 id="filter-title">{t('rec.catalog.filters')}</h2>
      <div className="rec-filters">
        <PeriodPicker periods={periods} value={periodId} onChange={onPeriod} />
        <SelectField label={t('rec.catalog.organization')} {...form.register('organizationId')}>
          <option value="">{t('rec.common.all')}</option>
          {orgs.data?.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('rec.catalog.educationLevel')} {...form.register('educationLevel')}>
          <option value="">{t('rec.common.all')}</option>
          {EDUCATION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('rec.catalog.needType')} {...form.register('needType')}>
          <option value="">{t('rec.common.all')}</option>
          {NEED_TYPES.map((n) => (
            <option key={n} value={n}>
              {t(`rec.need.${n}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('rec.catalog.search')}
          type="search"
          maxLength={100}
          error={form.fieldError('q')}
          {...form.register('q')}
        />
      </div>
      <button type="submit" className="btn btn--primary">
        {t('rec.catalog.apply')}
      </button>
    </form>
  );
}

export function FormationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const periods = usePublicPeriods();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [periodChoice, setPeriodChoice] = useState('');
  const periodId = periodChoice || periods.data?.periods[0]?.id || '';
  const [filter, setFilter] = useState(NO_FILTER);
  const [page, setPage] = useState(1);
  const catalog = useCatalog({ periodId, ...filter, page, pageSize: PAGE_SIZE }, Boolean(periodId));
  const apply = useMutation({
    mutationFn: recruitmentApi.apply,
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: recKey });
      navigate(`/lamaran/${a.id}`, { state: { created: true } });
    },
  });
  const isApplicant = me.data?.role === 'applicant';

  const onFilter = (f: Filter) => {
    setFilter(f);
    setPage(1);
  };

  return (
    <>
      <PageTitle title={t('rec.catalog.title')} lead={t('rec.catalog.lead')}>
        {t('rec.catalog.title')}
      </PageTitle>
      <QueryState query={periods}>
        {(d) => (d.periods.length === 0 ? <Alert>{t('rec.common.noPeriods')}</Alert> : null)}
      </QueryState>
      {periods.data && periods.data.periods.length > 0 ? (
        <>
          <CatalogFilters
            periods={periods.data.periods}
            periodId={periodId}
            onPeriod={(v) => {
              setPeriodChoice(v);
              setPage(1);
            }}
            onFilter={onFilter}
          />

          <section className="card" aria-labelledby="list-title">
            <h2 id="list-title">
              {t('rec.catalog.tableLabel')}
              {catalog.data ? (
                <span className="muted small"> · {t('rec.catalog.total', { count: catalog.data.total })}</span>
              ) : null}
            </h2>
            {!me.data ? (
              <p className="muted">
                <Link to="/masuk?next=%2Fformasi">{t('rec.catalog.loginToApply')}</Link>
              </p>
            ) : null}
            <QueryState query={catalog}>
              {(d) => (d.formations.length === 0 ? <p>{t('rec.catalog.empty')}</p> : null)}
            </QueryState>
            {catalog.data && catalog.data.formations.length > 0 ? (
              <ul className="rec-cards" aria-label={t('rec.catalog.tableLabel')}>
                {catalog.data.formations.map((f) => (
                  <li key={f.id}>
                    <h3>{f.jabatan}</h3>
                    <p className="muted small mono">{f.code}</p>
                    <FormationFacts formation={f} />
                    {isApplicant ? (
                      <button
                        type="button"
                        className="btn btn--primary btn--small"
                        aria-label={t('rec.catalog.applyFor', { jabatan: f.jabatan, code: f.code })}
                        disabled={apply.isPending}
                        onClick={() => apply.mutate({ periodId, formationId: f.id })}
                      >
                        {t('rec.catalog.applyBtn')}
                      </button>
                    ) : null}
                    {apply.isError && apply.variables?.formationId === f.id ? (
                      <ApplyRefusal error={apply.error} />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {catalog.data ? (
              <Pager page={page} total={catalog.data.total} pageSize={PAGE_SIZE} onPage={setPage} />
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
