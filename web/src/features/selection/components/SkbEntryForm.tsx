/**
 * One participant's SKB scores by hand, per component of the formation's weights, beside the CSV
 * import: the server applies exactly the import's rules (PUT /periods/:id/skb-scores/:no).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SkbEntryBody, selectionEndpoints } from '../../../../../common/contracts/selection.endpoints.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field.tsx';
import { selectionApi } from '../api.ts';
import '../i18n-entry.ts';

/** The participant number (the path's) and, unless absent, one score per component of the contract's body. */
const SkbFields = z.object({
  formationId: z.string(),
  no: z.string().trim().pipe(selectionEndpoints.enterSkb.params.shape.participantNo),
  absent: z.boolean(),
  values: SkbEntryBody.shape.components.unwrap(),
});

export function SkbEntryForm({
  periodId,
  formations,
  onSaved,
}: {
  periodId: string;
  formations: { id: string; code: string; jabatan: string }[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  // A hidden score input (absent, another formation) is dropped, so it is neither sent nor checked.
  const form = useContractForm(
    SkbFields,
    { formationId: formations[0]?.id ?? '', no: '', absent: false, values: {} },
    { shouldUnregister: true },
  );
  const [formationId, no, absent] = form.watch(['formationId', 'no', 'absent']);
  const weights = useQuery({
    queryKey: ['selection', 'weights', formationId],
    queryFn: () => selectionApi.skbWeights(formationId),
    enabled: formationId !== '',
  });
  const components = weights.data?.configured ? weights.data.components : [];
  const save = useMutation({
    mutationFn: (v: z.infer<typeof SkbFields>) =>
      selectionApi.enterSkb(
        periodId,
        v.no,
        v.absent ? null : Object.fromEntries(components.map((c) => [c.key, v.values[c.key] ?? ''])),
      ),
    onSuccess: onSaved,
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="skb-entry-title"
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
    >
      <h2 id="skb-entry-title">{t('selx.title')}</h2>
      <p className="small">{t('selx.lead')}</p>
      <SelectField label={t('selx.formation')} {...form.register('formationId')}>
        {formations.map((f) => (
          <option key={f.id} value={f.id}>
            {f.code} — {f.jabatan}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('selx.participantNo')}
        className="mono"
        inputMode="numeric"
        autoComplete="off"
        error={form.fieldError('no')}
        {...form.register('no')}
      />
      <CheckboxField label={t('selx.absent')} {...form.register('absent')} />
      {weights.data && !weights.data.configured ? <Alert tone="info">{t('selx.noWeights')}</Alert> : null}
      {absent
        ? null
        : components.map((c) => (
            <TextField
              key={c.key}
              label={`${c.name} (${c.weightPct} %)`}
              inputMode="decimal"
              error={form.fieldError(`values.${c.key}`)}
              {...form.register(`values.${c.key}`)}
            />
          ))}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess ? (
        <Alert tone="success">
          {save.data.absent
            ? t('selx.savedAbsent', { no: save.data.participantNo })
            : t('selx.saved', { no: save.data.participantNo })}
        </Alert>
      ) : null}
      <button
        type="submit"
        className="btn btn--primary"
        disabled={save.isPending || no.trim() === '' || (!absent && components.length === 0)}
      >
        {t('selx.submit')}
      </button>
    </form>
  );
}
