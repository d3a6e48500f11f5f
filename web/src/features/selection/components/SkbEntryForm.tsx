/**
 * One participant's SKB scores by hand, per component of the formation's weights, beside the CSV
 * import: the server applies exactly the import's rules (PUT /periods/:id/skb-scores/:no).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field.tsx';
import { selectionApi } from '../api.ts';
import '../i18n-entry.ts';

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
  const [formationId, setFormationId] = useState(formations[0]?.id ?? '');
  const [no, setNo] = useState('');
  const [absent, setAbsent] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const weights = useQuery({
    queryKey: ['selection', 'weights', formationId],
    queryFn: () => selectionApi.skbWeights(formationId),
    enabled: formationId !== '',
  });
  const components = weights.data?.configured ? weights.data.components : [];
  const save = useMutation({
    mutationFn: () =>
      selectionApi.enterSkb(
        periodId,
        no.trim(),
        absent ? null : Object.fromEntries(components.map((c) => [c.key, (values[c.key] ?? '').trim()])),
      ),
    onSuccess: onSaved,
  });
  return (
    <form
      className="form"
      aria-labelledby="skb-entry-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="skb-entry-title">{t('selx.title')}</h2>
      <p className="small">{t('selx.lead')}</p>
      <SelectField label={t('selx.formation')} value={formationId} onChange={(e) => setFormationId(e.target.value)}>
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
        value={no}
        onChange={(e) => setNo(e.target.value)}
      />
      <CheckboxField label={t('selx.absent')} checked={absent} onChange={(e) => setAbsent(e.target.checked)} />
      {weights.data && !weights.data.configured ? <Alert tone="info">{t('selx.noWeights')}</Alert> : null}
      {absent
        ? null
        : components.map((c) => (
            <TextField
              key={c.key}
              label={`${c.name} (${c.weightPct} %)`}
              inputMode="decimal"
              value={values[c.key] ?? ''}
              onChange={(e) => setValues({ ...values, [c.key]: e.target.value })}
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
