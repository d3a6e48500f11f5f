/**
 * /admin/akun — staff accounts: the list, a form to create one (activation mail is sent), and an
 * edit panel per account (name, role, OPD, deactivate, reset link), every change audited.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import type { StaffAccount } from '../../../../common/contracts/identity.ts';
import type { z as zod } from 'zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateStaffBody, STAFF_ROLES } from '../../../../common/contracts/identity.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { formatDate } from '../../app/format.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { useContractForm } from '../../app/useContractForm.ts';
import { AddressBlocks } from '../../features/identity/components/AddressBlocks.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import {
  useCreateStaff,
  useOrganizations,
  useSendStaffReset,
  useStaffAccounts,
  useUpdateStaff,
} from '../../features/identity/hooks.ts';
import '../../features/identity/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

const StaffForm = CreateStaffBody.extend({
  role: z.enum(STAFF_ROLES as [(typeof STAFF_ROLES)[number], ...(typeof STAFF_ROLES)[number][]], {
    message: 'role.required',
  }),
  // The <select> gives '' for "no OPD"; the API wants null.
  organizationId: z
    .string()
    .max(40)
    .transform((v) => (v === '' ? null : v)),
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
      <TextField
        label={t('accounts.fullName')}
        autoComplete="off"
        error={fieldError('fullName')}
        {...form.register('fullName')}
      />
      <TextField
        label={t('accounts.email')}
        type="email"
        autoComplete="off"
        error={fieldError('email')}
        {...form.register('email')}
      />
      <SelectField label={t('accounts.role')} error={fieldError('role')} defaultValue="" {...form.register('role')}>
        <option value="" disabled>
          {t('accounts.roleChoose')}
        </option>
        <RoleOptions />
      </SelectField>
      <SelectField
        label={t('accounts.organization')}
        error={fieldError('organizationId')}
        {...form.register('organizationId')}
      >
        <OrganizationOptions organizations={orgs.data?.organizations} />
      </SelectField>
      <button className="btn btn--primary" type="submit" disabled={create.isPending}>
        {t('accounts.submit')}
      </button>
    </form>
  );
}

/** Every staff role by its name, for both account forms. */
function RoleOptions() {
  const { t } = useTranslation();
  return STAFF_ROLES.map((r) => (
    <option key={r} value={r}>
      {t(`roles.${r}.name`)}
    </option>
  ));
}

/** The "no organization" choice then every organization, for both account forms. */
function OrganizationOptions({ organizations }: { organizations: { id: string; name: string }[] | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('accounts.organizationNone')}</option>
      {organizations?.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}

type Staff = zod.infer<typeof StaffAccount>;

/** Deactivate/reactivate (never one's own account) and the password-reset mail of the edit panel. */
function StaffAccountActions({
  account,
  isSelf,
  saving,
  sending,
  onSave: save,
  onSendReset,
}: {
  account: Staff;
  isSelf: boolean;
  saving: boolean;
  sending: boolean;
  onSave: (body: { disabled: boolean }, message: string) => void;
  onSendReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      {!isSelf ? (
        account.disabled ? (
          <button
            className="btn btn--secondary"
            type="button"
            disabled={saving}
            onClick={() => save({ disabled: false }, t('acc.reactivated', { name: account.fullName }))}
          >
            {t('acc.reactivate')}
          </button>
        ) : (
          <button
            className="btn btn--danger"
            type="button"
            disabled={saving}
            onClick={() => save({ disabled: true }, t('acc.deactivated', { name: account.fullName }))}
          >
            {t('acc.deactivate')}
          </button>
        )
      ) : null}
      {!account.disabled ? (
        <button className="btn btn--secondary" type="button" disabled={sending} onClick={onSendReset}>
          {t('acc.sendReset')}
        </button>
      ) : null}
    </div>
  );
}

/** The edit panel of one account; focus moves to its heading when it opens. */
/** The edit panel's fields: the role stays as it is on one's own account (the server refuses changing it). */
const EditStaffForm = StaffForm.pick({ fullName: true, role: true, organizationId: true });

function EditStaff({ account, isSelf, onClose }: { account: Staff; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const update = useUpdateStaff();
  const reset = useSendStaffReset();
  const form = useContractForm(EditStaffForm, {
    fullName: account.fullName,
    role: account.role as (typeof STAFF_ROLES)[number],
    organizationId: account.organizationId ?? '',
  });
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [account.id]);
  const fieldShown = update.error instanceof ApiError && update.error.fieldMessage('fullName') !== undefined;
  const save = (body: Parameters<typeof update.mutate>[0]['body'], message: string) => {
    setDone(null);
    reset.reset();
    update.mutate({ id: account.id, body }, { onSuccess: () => setDone(message), onError: form.showServerErrors });
  };
  return (
    <section className="card form" aria-labelledby="edit-title">
      <h2 id="edit-title" tabIndex={-1} ref={heading}>
        {t('acc.editTitle', { name: account.fullName })}
      </h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {reset.isSuccess ? <Alert tone="success">{t('acc.resetSent', { email: account.email })}</Alert> : null}
      {update.isError && !fieldShown ? <ErrorAlert error={update.error} /> : null}
      {reset.isError ? <ErrorAlert error={reset.error} /> : null}
      {isSelf ? <Alert tone="info">{t('acc.self')}</Alert> : null}
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit(({ fullName, role, organizationId }) =>
          save({ fullName, ...(isSelf ? {} : { role }), organizationId }, t('acc.saved', { name: fullName })),
        )}
      >
        <TextField label={t('accounts.fullName')} error={form.fieldError('fullName')} {...form.register('fullName')} />
        <SelectField
          label={t('accounts.role')}
          hint={t('acc.roleHint')}
          disabled={isSelf}
          error={form.fieldError('role')}
          {...form.register('role')}
        >
          <RoleOptions />
        </SelectField>
        <SelectField label={t('accounts.organization')} {...form.register('organizationId')}>
          <OrganizationOptions organizations={orgs.data?.organizations} />
        </SelectField>
        <div className="actions">
          <button className="btn btn--primary" type="submit" disabled={update.isPending}>
            {t('acc.save')}
          </button>
          <button className="btn btn--secondary" type="button" onClick={onClose}>
            {t('acc.cancel')}
          </button>
        </div>
      </form>
      <StaffAccountActions
        account={account}
        isSelf={isSelf}
        saving={update.isPending}
        sending={reset.isPending}
        onSave={save}
        onSendReset={() => {
          setDone(null);
          reset.mutate(account.id);
        }}
      />
    </section>
  );
}

function AccountList({ onEdit }: { onEdit: (a: Staff) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const accounts = useStaffAccounts();
  const orgs = useOrganizations();
  const orgName = (id: string | null) => (id ? (orgs.data?.organizations.find((o) => o.id === id)?.name ?? id) : '—');
  return (
    <section className="card" aria-labelledby="list-title">
      <h2 id="list-title">
        {t('accounts.listTitle')}
        {accounts.data ? (
          <span className="muted small"> · {t('accounts.count', { count: accounts.data.accounts.length })}</span>
        ) : null}
      </h2>
      <QueryState query={accounts} isEmpty={(d) => d.accounts.length === 0} empty={t('accounts.empty')}>
        {(d) => (
          <DataTable
            label={t('accounts.tableLabel')}
            rows={d.accounts}
            rowKey={(a) => a.id}
            columns={[
              {
                key: 'name',
                header: t('accounts.name'),
                cell: (a) => (
                  <>
                    <span className="strong">{a.fullName}</span>
                    <br />
                    <span className="muted small break">{a.email}</span>
                  </>
                ),
              },
              { key: 'role', header: t('accounts.role'), cell: (a) => t(`roles.${a.role}.name`) },
              { key: 'org', header: t('accounts.organization'), cell: (a) => orgName(a.organizationId) },
              {
                key: 'status',
                header: t('accounts.status'),
                cell: (a) =>
                  a.disabled ? (
                    <span className="badge badge--muted">{t('accounts.disabled')}</span>
                  ) : a.emailVerified ? (
                    <span className="badge badge--ok">{t('accounts.active')}</span>
                  ) : (
                    <span className="badge badge--warn">{t('accounts.pending')}</span>
                  ),
              },
              {
                key: 'created',
                header: t('accounts.created'),
                className: 'nowrap',
                cell: (a) => formatDate(a.createdAt, lang),
              },
              {
                key: 'actions',
                header: t('acc.actions'),
                cell: (a) => (
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    aria-label={t('acc.editOf', { name: a.fullName })}
                    onClick={() => onEdit(a)}
                  >
                    {t('acc.edit')}
                  </button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

function Accounts({ meId }: { meId: string }) {
  const { t } = useTranslation();
  const accounts = useStaffAccounts();
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = accounts.data?.accounts.find((a) => a.id === editingId);
  return (
    <>
      <PageTitle title={t('accounts.title')} lead={t('accounts.intro')}>
        {t('accounts.title')}
      </PageTitle>
      {editing ? (
        <EditStaff key={editing.id} account={editing} isSelf={editing.id === meId} onClose={() => setEditingId(null)} />
      ) : null}
      <div className="grid grid--form-list">
        <CreateStaffForm />
        <AccountList onEdit={(a) => setEditingId(a.id)} />
      </div>
      <AddressBlocks />
    </>
  );
}

export function AdminAccountsPage() {
  return <RequireAuth roles={['admin']}>{(me) => <Accounts meId={me.id} />}</RequireAuth>;
}
