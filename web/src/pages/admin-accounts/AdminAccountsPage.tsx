/** /admin/akun — staff accounts: the list and a form to create one (activation mail is sent). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateStaffBody, STAFF_ROLES } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { formatDate } from '../../app/format.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useCreateStaff, useOrganizations, useStaffAccounts } from '../../features/identity/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

const StaffForm = CreateStaffBody.extend({
  role: z.enum(STAFF_ROLES as [(typeof STAFF_ROLES)[number], ...(typeof STAFF_ROLES)[number][]], { message: 'role.required' }),
  // The <select> gives '' for "no OPD"; the API wants null.
  organizationId: z.string().max(40).transform((v) => (v === '' ? null : v)),
});
type StaffFormIn = z.input<typeof StaffForm>;
type StaffFormOut = z.output<typeof StaffForm>;

function CreateStaffForm() {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const create = useCreateStaff();
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);
  const form = useForm<StaffFormIn, unknown, StaffFormOut>({
    resolver: zodResolver(StaffForm),
    defaultValues: { email: '', fullName: '', organizationId: '' },
  });
  const fieldError = useFieldErrors(form.formState.errors);
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="create-title"
      onSubmit={form.handleSubmit((body) => {
        setCreatedEmail(null);
        create.mutate(body, {
          onSuccess: () => {
            setCreatedEmail(body.email);
            form.reset();
          },
          onError: (err) => applyServerErrors(err, form.setError, ['email', 'fullName', 'role', 'organizationId']),
        });
      })}
    >
      <h2 id="create-title">{t('accounts.createTitle')}</h2>
      {createdEmail ? <Alert tone="success">{t('accounts.createdOk', { email: createdEmail })}</Alert> : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <TextField label={t('accounts.fullName')} autoComplete="off" error={fieldError('fullName')} {...form.register('fullName')} />
      <TextField label={t('accounts.email')} type="email" autoComplete="off" error={fieldError('email')} {...form.register('email')} />
      <SelectField label={t('accounts.role')} error={fieldError('role')} defaultValue="" {...form.register('role')}>
        <option value="" disabled>
          {t('accounts.roleChoose')}
        </option>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}.name`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('accounts.organization')} error={fieldError('organizationId')} {...form.register('organizationId')}>
        <option value="">{t('accounts.organizationNone')}</option>
        {orgs.data?.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <button className="btn btn--primary" type="submit" disabled={create.isPending}>
        {t('accounts.submit')}
      </button>
    </form>
  );
}

function AccountList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const accounts = useStaffAccounts();
  const orgs = useOrganizations();
  const orgName = (id: string | null) => (id ? (orgs.data?.organizations.find((o) => o.id === id)?.name ?? id) : '—');
  return (
    <section className="card" aria-labelledby="list-title">
      <h2 id="list-title">
        {t('accounts.listTitle')}
        {accounts.data ? <span className="muted small"> · {t('accounts.count', { count: accounts.data.accounts.length })}</span> : null}
      </h2>
      {accounts.isPending ? <Loading label={t('app.loading')} /> : null}
      {accounts.isError ? <ErrorAlert error={accounts.error} /> : null}
      {accounts.data && accounts.data.accounts.length === 0 ? <p>{t('accounts.empty')}</p> : null}
      {accounts.data && accounts.data.accounts.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('accounts.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accounts.name')}</th>
                <th scope="col">{t('accounts.role')}</th>
                <th scope="col">{t('accounts.organization')}</th>
                <th scope="col">{t('accounts.status')}</th>
                <th scope="col">{t('accounts.created')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <span className="strong">{a.fullName}</span>
                    <br />
                    <span className="muted small break">{a.email}</span>
                  </td>
                  <td>{t(`roles.${a.role}.name`)}</td>
                  <td>{orgName(a.organizationId)}</td>
                  <td>
                    {a.disabled ? (
                      <span className="badge badge--muted">{t('accounts.disabled')}</span>
                    ) : a.emailVerified ? (
                      <span className="badge badge--ok">{t('accounts.active')}</span>
                    ) : (
                      <span className="badge badge--warn">{t('accounts.pending')}</span>
                    )}
                  </td>
                  <td className="nowrap">{formatDate(a.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function AdminAccountsPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['admin']}>
      {() => (
        <>
          <PageTitle title={t('accounts.title')} lead={t('accounts.intro')}>
            {t('accounts.title')}
          </PageTitle>
          <div className="grid grid--form-list">
            <CreateStaffForm />
            <AccountList />
          </div>
        </>
      )}
    </RequireAuth>
  );
}
