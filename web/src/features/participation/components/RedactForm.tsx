/**
 * The coordinator's form to take a name out of a public text (issue 23 §7): the server replaces
 * every occurrence with "[disamarkan]" in the public version and keeps the original for staff.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
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
  const [phrase, setPhrase] = useState('');
  const run = useMutation({
    mutationFn: () => redact(phrase),
    onSuccess: () => {
      setPhrase('');
      void qc.invalidateQueries({ queryKey: invalidate });
    },
  });
  return (
    <form
      className="form"
      aria-label={t('prtr.formFor', { title })}
      onSubmit={(e) => (e.preventDefault(), run.mutate())}
    >
      <TextField
        label={t('prtr.phrase')}
        hint={t('prtr.phraseHint')}
        value={phrase}
        maxLength={200}
        onChange={(e) => setPhrase(e.target.value)}
      />
      <div className="actions">
        <button
          type="submit"
          className="btn btn--secondary btn--small"
          disabled={run.isPending || phrase.trim().length < 2}
        >
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
