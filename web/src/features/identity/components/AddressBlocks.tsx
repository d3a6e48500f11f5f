/**
 * Issue 24 §1, for the committee (and the admin): the network addresses with failed sign-ins in the
 * window, slowed ones first, and lifting a slowdown with a reason (audited on the server). A
 * slowdown only delays answers to failed attempts: nobody with a correct credential is refused.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LiftAddressBody } from '../../../../../common/contracts/identity.ts';
import { formatWitaDateTime } from '../../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { QueryState } from '../../../app/QueryState.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { identityApi } from '../api.ts';
import '../i18n.ts';

type Block = Awaited<ReturnType<typeof identityApi.addressBlocks>>['addresses'][number];

export function AddressBlocks() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const key = ['identity', 'address-blocks'];
  const list = useQuery({ queryKey: key, queryFn: identityApi.addressBlocks });
  const form = useContractForm(LiftAddressBody, { address: '', reason: '' });
  const lift = useMutation({
    mutationFn: identityApi.liftAddressBlock,
    onSuccess: () => {
      form.setValue('reason', '');
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const rows = list.data?.addresses ?? [];
  const pick = form.watch('address');
  const selected = pick && rows.some((r) => r.address === pick) ? pick : (rows[0]?.address ?? '');
  const columns: Column<Block>[] = [
    { key: 'address', header: t('idsec.address.colAddress'), cell: (r) => <code>{r.address}</code>, rowHeader: true },
    { key: 'failures', header: t('idsec.address.colFailures'), cell: (r) => r.failures, className: 'num' },
    { key: 'tokens', header: t('idsec.address.colTokens'), cell: (r) => r.scoped, className: 'num' },
    {
      key: 'state',
      header: t('idsec.address.colState'),
      cell: (r) => (
        <span className={r.slowed ? 'badge badge--warn' : 'badge badge--muted'}>
          {t(r.slowed ? 'idsec.address.slowed' : 'idsec.address.normal')}
        </span>
      ),
    },
    {
      key: 'last',
      header: t('idsec.address.colLast'),
      cell: (r) => formatWitaDateTime(r.lastAt, lang),
      className: 'nowrap',
    },
  ];
  return (
    <section className="card" aria-labelledby="address-blocks-title">
      <h2 id="address-blocks-title">{t('idsec.address.committeeTitle')}</h2>
      <p className="muted small">{t('idsec.address.committeeLead')}</p>
      <QueryState query={list} isEmpty={(d) => d.addresses.length === 0} empty={t('idsec.address.noneFailing')}>
        {() => (
          <DataTable label={t('idsec.address.tableLabel')} columns={columns} rows={rows} rowKey={(r) => r.address} />
        )}
      </QueryState>
      {rows.length > 0 ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            // The first row is the choice until another is picked.
            if (selected && form.getValues('address') !== selected) form.setValue('address', selected);
            void form.handleSubmit((body) => lift.mutate(body))(e);
          }}
        >
          <Controller
            control={form.control}
            name="address"
            render={({ field }) => (
              <SelectField
                label={t('idsec.address.pick')}
                error={form.fieldError('address')}
                name={field.name}
                value={selected}
                onChange={field.onChange}
                onBlur={field.onBlur}
              >
                {rows.map((r) => (
                  <option key={r.address} value={r.address}>
                    {r.address} — {t(r.slowed ? 'idsec.address.slowed' : 'idsec.address.normal')}
                  </option>
                ))}
              </SelectField>
            )}
          />
          <TextField
            label={t('idsec.address.reason')}
            hint={t('idsec.address.reasonHint')}
            required
            maxLength={500}
            error={form.fieldError('reason')}
            {...form.register('reason')}
          />
          {lift.isError ? <ErrorAlert error={lift.error} /> : null}
          <button type="submit" className="btn btn--secondary" disabled={lift.isPending}>
            {t('idsec.address.submit')}
          </button>
        </form>
      ) : null}
      {lift.isSuccess ? (
        <Alert tone="success">
          {t('idsec.address.done', { address: lift.data.address, count: lift.data.cleared })}
        </Alert>
      ) : null}
    </section>
  );
}
