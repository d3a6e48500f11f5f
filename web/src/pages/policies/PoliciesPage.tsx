/** /kebijakan — central policies and their local action plans' progress; BKPSDM records new ones. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ISSUER_VALUES, PolicyBody } from '../../../../common/contracts/performance.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { policyApi, type PolicyInput } from '../../features/performance/api.ts';
import { TextArea } from '../../features/performance/components.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Progress } from '../../features/performance/PolicyParts.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const EMPTY_POLICY: PolicyInput = { number: '', title: '', issuedOn: '', issuer: 'kemenpanrb', summary: '' };

function CreatePolicy() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(PolicyBody, EMPTY_POLICY);
  const save = useMutation({
    mutationFn: (body: PolicyInput) => policyApi.create(body),
    onSuccess: () => {
      form.reset(EMPTY_POLICY);
      void qc.invalidateQueries({ queryKey: ['policy'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <section className="card" aria-labelledby="new-policy">
      <h2 id="new-policy">{t('skp.policy.createTitle')}</h2>
      <form
        className="form"
        noValidate
        aria-labelledby="new-policy"
        onSubmit={form.handleSubmit((body) => save.mutate(body))}
      >
        <TextField
          label={t('skp.policy.number')}
          maxLength={120}
          error={form.fieldError('number')}
          {...form.register('number')}
        />
        <TextField
          label={t('skp.policy.titleField')}
          maxLength={300}
          error={form.fieldError('title')}
          {...form.register('title')}
        />
        <Controller
          control={form.control}
          name="issuedOn"
          render={({ field }) => (
            <DateField
              label={t('skp.policy.issuedOn')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={form.fieldError('issuedOn')}
            />
          )}
        />
        <SelectField label={t('skp.policy.issuer')} error={form.fieldError('issuer')} {...form.register('issuer')}>
          {ISSUER_VALUES.map((i) => (
            <option key={i} value={i}>
              {t(`skp.policy.issuers.${i}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          label={t('skp.policy.summary')}
          maxLength={3000}
          error={form.fieldError('summary')}
          {...form.register('summary')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('skp.policy.create')}
          </button>
        </div>
        {save.isSuccess ? (
          <div role="status">
            <Alert tone="success">{t('skp.policy.created')}</Alert>
          </div>
        ) : null}
        {save.isError && !err?.fields.length ? <ErrorAlert error={save.error} /> : null}
      </form>
    </section>
  );
}

function List({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const list = useQuery({ queryKey: ['policy', 'list'], queryFn: policyApi.list });
  return (
    <>
      <PageTitle title={t('skp.policy.title')} lead={t('skp.policy.lead')}>
        {t('skp.policy.title')}
      </PageTitle>
      <QueryState query={list} isEmpty={(d) => d.policies.length === 0} empty={t('skp.policy.none')}>
        {(d) => (
          <div className="skp-stack">
            {d.policies.map((p) => (
              <section key={p.id} className="card" aria-labelledby={`p-${p.id}`}>
                <h2 id={`p-${p.id}`}>{p.title}</h2>
                <p className="skp-meta">
                  {t(`skp.policy.issuers.${p.issuer}`)} · {p.number} · {formatCalendarDate(p.issuedOn, lang)}
                </p>
                <Progress progress={p.progress} id={`pp-${p.id}`} />
                <p>
                  <Link to={`/kebijakan/${p.id}`}>
                    {t('skp.policy.open')}: {p.number}
                  </Link>{' '}
                  · <Link to={`/kebijakan-publik/${p.id}`}>{t('skp.policy.publicLink')}</Link>
                </p>
              </section>
            ))}
          </div>
        )}
      </QueryState>
      {me.role === 'admin' ? <CreatePolicy /> : null}
    </>
  );
}

export function PoliciesPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <List me={me} />}</RequireAuth>;
}
