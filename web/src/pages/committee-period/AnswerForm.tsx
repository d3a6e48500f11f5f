import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Objection } from '../../features/recruitment/types.ts';
import { RadioGroup } from '../../ui/Field.tsx';
import { serverFieldError } from './shared.ts';
import '../../features/recruitment/i18n.ts';

export function AnswerForm({ o }: { o: Objection }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const respId = useId();
  const [accept, setAccept] = useState('');
  const [response, setResponse] = useState('');
  const answer = useMutation({
    mutationFn: () => recruitmentApi.answerObjection(o.id, { accept: accept === 'accept', response: response.trim() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const respError = serverFieldError(answer.error, 'response');
  return (
    <form
      className="form"
      noValidate
      aria-label={t('rec.com.answer', { no: o.registrationNo })}
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      <RadioGroup
        legend={t('rec.com.decision')}
        options={[
          { value: 'accept', label: t('rec.com.accept') },
          { value: 'reject', label: t('rec.com.reject') },
        ]}
        input={{ name: `answer-${o.id}`, onChange: (e) => setAccept(e.target.value) }}
      />
      <div className={`field${respError ? ' field--invalid' : ''}`}>
        <label htmlFor={respId}>{t('rec.com.responseText')}</label>
        <textarea
          id={respId}
          rows={3}
          maxLength={2000}
          value={response}
          aria-invalid={respError ? true : undefined}
          onChange={(e) => setResponse(e.target.value)}
        />
      </div>
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      <button type="submit" className="btn btn--primary btn--small" disabled={!accept || answer.isPending}>
        {t('rec.com.send')}
      </button>
    </form>
  );
}
