/** /panitia — selection periods: the list, and a form to open a period with its stage windows. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { CreatePeriodBody, STAGE_NAMES } from '../../../../common/contracts/recruitment.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey, useLang, useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/recruitment/i18n.ts';
import { emptyStages, localStagesForm, stageFields } from '../committee-period/shared.ts';
import { StageWindowFields } from '../committee-period/StageWindowFields.tsx';

const PeriodForm = CreatePeriodBody.extend({
  code: z.string().trim().pipe(CreatePeriodBody.shape.code),
  stages: localStagesForm(false),
});

function CreatePeriodForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const year = new Date().getFullYear() + 1;
  const form = useContractForm(
    PeriodForm,
    {
      code: `CPNS-${year}`,
      name: `Seleksi CPNS Kota Palu ${year}`,
      year,
      type: 'CPNS',
      ageCutoffDate: `${year}-08-01`,
      stages: emptyStages(),
    },
    { serverFields: ['code', 'name', 'year', 'type', 'ageCutoffDate', ...stageFields] },
  );
  const create = useMutation({
    mutationFn: recruitmentApi.createPeriod,
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="create-period-title"
      onSubmit={form.handleSubmit((body) => create.mutate(body))}
    >
      <h2 id="create-period-title">{t('rec.com.createTitle')}</h2>
      {create.isSuccess ? <Alert tone="success">{t('rec.com.created')}</Alert> : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <TextField
        label={t('rec.com.code')}
        hint={t('rec.com.codeHint')}
        error={form.fieldError('code')}
        {...form.register('code', {
          onChange: (e: ChangeEvent<HTMLInputElement>) => form.setValue('code', e.target.value.toUpperCase()),
        })}
      />
      <TextField label={t('rec.com.name')} error={form.fieldError('name')} {...form.register('name')} />
      <TextField
        label={t('rec.com.year')}
        inputMode="numeric"
        error={form.fieldError('year')}
        {...form.register('year', { valueAsNumber: true })}
      />
      <SelectField label={t('rec.com.type')} {...form.register('type')}>
        <option value="CPNS">CPNS</option>
        <option value="PPPK">PPPK</option>
      </SelectField>
      <Controller
        control={form.control}
        name="ageCutoffDate"
        render={({ field }) => (
          <DateField
            label={t('rec.com.ageCutoff')}
            value={field.value}
            error={form.fieldError('ageCutoffDate')}
            onChange={field.onChange}
          />
        )}
      />
      <fieldset className="field">
        <legend>{t('rec.com.stages')}</legend>
        {STAGE_NAMES.map((s) => (
          <div key={s} className="rec-row">
            <StageWindowFields form={form} stage={s} name={t(`rec.com.stage.${s}`)} windowErrorOn="start" />
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>
        {t('rec.com.create')}
      </button>
    </form>
  );
}

function Periods() {
  const { t } = useTranslation();
  const lang = useLang();
  const periods = useStaffPeriods();
  return (
    <section className="card" aria-labelledby="periods-title">
      <h2 id="periods-title">{t('rec.com.periods')}</h2>
      {periods.isPending ? <Loading label={t('app.loading')} /> : null}
      {periods.isError ? <ErrorAlert error={periods.error} /> : null}
      {periods.data && periods.data.periods.length === 0 ? <p>{t('rec.common.noPeriods')}</p> : null}
      <ul className="rec-cards">
        {periods.data?.periods.map((p) => (
          <li key={p.id}>
            <h3>
              <Link to={`/panitia/periode/${p.id}`} aria-label={t('rec.com.manage', { name: p.name })}>
                {p.name}
              </Link>
            </h3>
            <p className="muted small mono">
              {p.code} · {p.type} · {p.year}
            </p>
            <dl className="facts facts--inline">
              {Object.entries(p.stages).map(([s, w]) => (
                <div key={s}>
                  <dt>{t(`rec.com.stage.${s}`, { defaultValue: s })}</dt>
                  <dd className="small">
                    {formatDateTime(w.start, lang)} – {formatDateTime(w.end, lang)}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CommitteePage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['committee', 'admin']}>
      {() => (
        <>
          <PageTitle title={t('rec.com.title')} lead={t('rec.com.lead')}>
            {t('rec.com.title')}
          </PageTitle>
          <div className="grid grid--form-list">
            <Periods />
            <CreatePeriodForm />
          </div>
        </>
      )}
    </RequireAuth>
  );
}
