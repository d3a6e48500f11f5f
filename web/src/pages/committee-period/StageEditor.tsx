import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { STAGE_NAMES } from '../../../../common/contracts/recruitment.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { witaIso } from '../committee/CommitteePage.tsx';
import { localStages, serverFieldError, type LocalWindow, type StageName } from './shared.ts';
import '../../features/recruitment/i18n.ts';

/**
 * Every stage window of the period, edited in WITA like the create form. A stage with both inputs
 * empty is removed; one half-filled is sent as is so the server's message shows on that input.
 */
export function StageEditor({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState(() => localStages(period));
  const save = useMutation({
    mutationFn: () => {
      const stages: Partial<Record<StageName, LocalWindow>> = {};
      for (const s of STAGE_NAMES) {
        const w = v[s];
        if (w.start || w.end) stages[s] = { start: witaIso(w.start), end: witaIso(w.end) };
      }
      return recruitmentApi.updateStages(period.id, stages);
    },
    onSuccess: (p) => {
      setV(localStages(p));
      void qc.invalidateQueries({ queryKey: recKey });
    },
  });
  const fe = (s: StageName, half: 'start' | 'end') =>
    serverFieldError(save.error, `stages.${s}.${half}`) ??
    (half === 'end' ? serverFieldError(save.error, `stages.${s}`) : undefined);
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title">{t('rec.com.stagesEdit')}</h2>
      <form
        className="form"
        noValidate
        aria-labelledby="stages-title"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <p className="small">{t('rec.com.stagesLead')}</p>
        {save.isSuccess ? <Alert tone="success">{t('rec.com.stagesSaved')}</Alert> : null}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {STAGE_NAMES.map((s) => {
          const name = t(`rec.com.stage.${s}`);
          return (
            <fieldset key={s} className="rec-row">
              <legend>{name}</legend>
              <DateTimeField
                label={t('rec.com.stageStart', { stage: name })}
                value={v[s].start}
                error={fe(s, 'start')}
                onChange={(x) => setV({ ...v, [s]: { ...v[s], start: x } })}
              />
              <DateTimeField
                label={t('rec.com.stageEnd', { stage: name })}
                value={v[s].end}
                error={fe(s, 'end')}
                onChange={(x) => setV({ ...v, [s]: { ...v[s], end: x } })}
              />
            </fieldset>
          );
        })}
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('rec.com.stagesSave')}
        </button>
      </form>
    </section>
  );
}
