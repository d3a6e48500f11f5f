import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AnswerObjectionBody } from '../../../../common/contracts/recruitment.ts';
import '../../features/exam/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Objection } from '../../features/recruitment/types.ts';
import { RadioGroup, TextAreaField } from '../../ui/Field.tsx';
import '../../features/recruitment/i18n.ts';

/** The decision as its radio value, sent as the contract's `accept`. */
const AnswerFields = AnswerObjectionBody.extend({
  accept: z.enum(['accept', 'reject']).transform((v) => v === 'accept'),
});

export function AnswerForm({ o }: { o: Objection }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(AnswerFields, { response: '' }, { serverFields: ['accept', 'response'] });
  const answer = useMutation({
    mutationFn: (body: z.infer<typeof AnswerFields>) => recruitmentApi.answerObjection(o.id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-label={t('rec.com.answer', { no: o.registrationNo })}
      onSubmit={form.handleSubmit((body) => answer.mutate(body))}
    >
      <RadioGroup
        legend={t('rec.com.decision')}
        options={[
          { value: 'accept', label: t('rec.com.accept') },
          { value: 'reject', label: t('rec.com.reject') },
        ]}
        error={form.fieldError('accept')}
        input={form.register('accept')}
      />
      <TextAreaField
        label={t('rec.com.responseText')}
        rows={3}
        maxLength={2000}
        error={form.fieldError('response')}
        {...form.register('response')}
      />
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      <button
        type="submit"
        className="btn btn--primary btn--small"
        disabled={!form.watch('accept') || answer.isPending}
      >
        {t('rec.com.send')}
      </button>
    </form>
  );
}
