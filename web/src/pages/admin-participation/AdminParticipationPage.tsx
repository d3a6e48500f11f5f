/**
 * /admin/partisipasi — the rules RULES.md §5 marks as configurable: the complaint deadlines in
 * working days (SP4N-LAPOR!: verify and dispose, follow up, close without reply) and the IKM bands
 * A–D (PermenPANRB 14/2017). Changes apply to new deadlines and results at once and are audited.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BandsBody, SlaBody } from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
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

function SlaForm({ initial }: { initial: Sla }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState<Record<(typeof SLA_KEYS)[number], string>>({
    verifyDays: String(initial.verifyDays),
    followUpDays: String(initial.followUpDays),
    closeAfterDays: String(initial.closeAfterDays),
  });
  const save = useMutation({
    mutationFn: () =>
      participationApi.saveSla({
        verifyDays: Number(v.verifyDays),
        followUpDays: Number(v.followUpDays),
        closeAfterDays: Number(v.closeAfterDays),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'settings'] }),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form
      className="form card"
      aria-labelledby="sla-title"
      noValidate
      onSubmit={(e) => (e.preventDefault(), save.mutate())}
    >
      <h2 id="sla-title">{t('prt.settings.slaTitle')}</h2>
      <p className="muted">{t('prt.settings.slaLead')}</p>
      <div className="prt-form-grid">
        {SLA_KEYS.map((k) => (
          <TextField
            key={k}
            label={t(`prt.settings.${k}`)}
            inputMode="numeric"
            value={v[k]}
            onChange={(e) => setV({ ...v, [k]: e.target.value })}
            error={err?.fieldMessage(k)}
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
  // People type the converted value (76,61), the API keeps hundredths (7661).
  const [rows, setRows] = useState(
    initial.map((b) => ({
      grade: b.grade,
      min: (b.minHundredths / 100).toFixed(2).replace('.', i18n.language === 'en' ? '.' : ','),
      label: b.label,
    })),
  );
  const save = useMutation({
    mutationFn: () =>
      participationApi.saveBands({
        bands: rows.map((r) => ({
          grade: r.grade,
          minHundredths: Math.round(Number(r.min.replace(',', '.')) * 100),
          label: r.label.trim(),
        })),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'settings'] }),
  });
  return (
    <form
      className="form card"
      aria-labelledby="bands-title"
      noValidate
      onSubmit={(e) => (e.preventDefault(), save.mutate())}
    >
      <h2 id="bands-title">{t('prt.settings.bandsTitle')}</h2>
      <p className="muted">{t('prt.settings.bandsLead')}</p>
      {rows.map((r, i) => (
        <fieldset key={r.grade} className="prt-form-grid">
          <legend>{t('prt.settings.grade', { grade: r.grade })}</legend>
          <TextField
            label={t('prt.settings.bandMin', { grade: r.grade })}
            inputMode="decimal"
            value={r.min}
            onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, min: e.target.value } : x)))}
          />
          <TextField
            label={t('prt.settings.bandLabel', { grade: r.grade })}
            value={r.label}
            maxLength={60}
            onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
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
