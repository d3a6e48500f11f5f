/**
 * /admin/partisipasi — the rules RULES.md §5 marks as configurable: the complaint deadlines in
 * working days (SP4N-LAPOR!: verify and dispose, follow up, close without reply) and the IKM bands
 * A–D (PermenPANRB 14/2017). Changes apply to new deadlines and results at once and are audited.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BandsBody, SlaBody } from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { participationApi } from '../../features/participation/api.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type Sla = z.infer<typeof SlaBody>;
type Bands = z.infer<typeof BandsBody>['bands'];
const SLA_KEYS = ['verifyDays', 'followUpDays', 'closeAfterDays'] as const;

const Band = BandsBody.shape.bands.element;
const Hundredths = Band.shape.minHundredths;
/**
 * People type the converted value (76,61), the API keeps hundredths (7661): the field is checked
 * in the unit shown (the contract's limits divided by 100), then converted and checked by the contract.
 */
const BandsFormSchema = BandsBody.extend({
  bands: z
    .array(
      Band.extend({
        minHundredths: z
          .string()
          .transform((s) => (s.trim() === '' ? NaN : Number(s.replace(',', '.'))))
          .pipe(
            z
              .number()
              .min(Hundredths.minValue! / 100)
              .max(Hundredths.maxValue! / 100),
          )
          .transform((n) => Math.round(n * 100))
          .pipe(Hundredths),
      }),
    )
    .length(4),
});

function SlaForm({ initial }: { initial: Sla }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(SlaBody, initial);
  const save = useMutation({
    mutationFn: (v: Sla) => participationApi.saveSla(v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'settings'] }),
    onError: (e) => form.showServerErrors(e),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form
      className="form card"
      aria-labelledby="sla-title"
      noValidate
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
    >
      <h2 id="sla-title">{t('prt.settings.slaTitle')}</h2>
      <p className="muted">{t('prt.settings.slaLead')}</p>
      <div className="prt-form-grid">
        {SLA_KEYS.map((k) => (
          <TextField
            key={k}
            label={t(`prt.settings.${k}`)}
            inputMode="numeric"
            error={form.fieldError(k)}
            {...form.register(k, { valueAsNumber: true })}
          />
        ))}
      </div>
      {save.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('prt.settings.saved')}</Alert>
        </div>
      ) : null}
      {save.isError && !err?.fields.length ? <ErrorAlert error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('prt.settings.saveSla')}
        </button>
      </div>
    </form>
  );
}

function BandsForm({ initial }: { initial: Bands }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(
    BandsFormSchema,
    {
      bands: initial.map((b) => ({
        grade: b.grade,
        minHundredths: (b.minHundredths / 100).toFixed(2).replace('.', i18n.language === 'en' ? '.' : ','),
        label: b.label,
      })),
    },
    {
      serverFields: initial.flatMap((_, i) => [`bands.${i}.minHundredths`, `bands.${i}.label`] as const),
    },
  );
  const save = useMutation({
    mutationFn: (v: z.infer<typeof BandsBody>) => participationApi.saveBands(v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'settings'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      aria-labelledby="bands-title"
      noValidate
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
    >
      <h2 id="bands-title">{t('prt.settings.bandsTitle')}</h2>
      <p className="muted">{t('prt.settings.bandsLead')}</p>
      {initial.map((r, i) => (
        <fieldset key={r.grade} className="prt-form-grid">
          <legend>{t('prt.settings.grade', { grade: r.grade })}</legend>
          <TextField
            label={t('prt.settings.bandMin', { grade: r.grade })}
            inputMode="decimal"
            error={form.fieldError(`bands.${i}.minHundredths`)}
            {...form.register(`bands.${i}.minHundredths`)}
          />
          <TextField
            label={t('prt.settings.bandLabel', { grade: r.grade })}
            maxLength={60}
            error={form.fieldError(`bands.${i}.label`)}
            {...form.register(`bands.${i}.label`)}
          />
        </fieldset>
      ))}
      {save.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('prt.settings.saved')}</Alert>
        </div>
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('prt.settings.saveBands')}
        </button>
      </div>
    </form>
  );
}

function Settings() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['prt', 'settings'], queryFn: participationApi.settings });
  return (
    <section className="stack">
      <PageTitle title={t('prt.settings.title')} lead={t('prt.settings.lead')}>
        {t('prt.settings.title')}
      </PageTitle>
      <QueryState query={settings}>
        {(s) => (
          <>
            <SlaForm initial={s.sla} />
            <BandsForm initial={s.bands} />
          </>
        )}
      </QueryState>
    </section>
  );
}

export function AdminParticipationPage() {
  return <RequireAuth roles={['admin']}>{() => <Settings />}</RequireAuth>;
}
