/**
 * The coordinator's form to take a name out of a public text (issue 23 §7): the server replaces
 * every occurrence with "[disamarkan]" in the public version and keeps the original for staff.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RedactBody } from '../../../../../common/contracts/participation.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { TextField } from '../../../ui/Field.tsx';
import type { RedactResult } from '../api.ts';
import '../i18n-redact.ts';

export function RedactForm({
  title,
  redact,
  invalidate,
}: {
  title: string;
  redact: (phrase: string) => Promise<RedactResult>;
  invalidate: readonly unknown[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(RedactBody, { phrase: '' });
  const run = useMutation({
    mutationFn: (phrase: string) => redact(phrase),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: invalidate });
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-label={t('prtr.formFor', { title })}
      onSubmit={form.handleSubmit(({ phrase }) => run.mutate(phrase))}
    >
      <TextField
        label={t('prtr.phrase')}
        hint={t('prtr.phraseHint')}
        maxLength={200}
        error={form.fieldError('phrase')}
        {...form.register('phrase')}
      />
      <div className="actions">
        <button type="submit" className="btn btn--secondary btn--small" disabled={run.isPending}>
          {t('prtr.submit')}
        </button>
      </div>
      <div role="status">
        {run.isSuccess ? <Alert tone="success">{t('prtr.done', { count: run.data.count })}</Alert> : null}
      </div>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
    </form>
  );
}
