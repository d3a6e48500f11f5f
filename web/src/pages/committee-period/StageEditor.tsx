import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { STAGE_NAMES } from '../../../../common/contracts/recruitment.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { localStages, localStagesForm, stageFields } from './shared.ts';
import { StageWindowFields } from './StageWindowFields.tsx';
import '../../features/recruitment/i18n.ts';

const StagesForm = z.object({ stages: localStagesForm(true) });

/**
 * Every stage window of the period, edited in WITA like the create form. A stage with both inputs
 * empty is removed; one half-filled is sent as is so the server's message shows on that input.
 */
export function StageEditor({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(StagesForm, { stages: localStages(period) }, { serverFields: stageFields });
  const save = useMutation({
    mutationFn: (body: z.infer<typeof StagesForm>) => recruitmentApi.updateStages(period.id, body.stages),
    onSuccess: (p) => {
      form.reset({ stages: localStages(p) });
      void qc.invalidateQueries({ queryKey: recKey });
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title">{t('rec.com.stagesEdit')}</h2>
      <form
        className="form"
        noValidate
        aria-labelledby="stages-title"
        onSubmit={form.handleSubmit((body) => save.mutate(body))}
      >
        <p className="small">{t('rec.com.stagesLead')}</p>
        {save.isSuccess ? <Alert tone="success">{t('rec.com.stagesSaved')}</Alert> : null}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {STAGE_NAMES.map((s) => {
          const name = t(`rec.com.stage.${s}`);
          return (
            <fieldset key={s} className="rec-row">
              <legend>{name}</legend>
              <StageWindowFields form={form} stage={s} name={name} />
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
