/**
 * /survei/:unitId — the SKM questionnaire, opened from the desk's QR poster on a phone: one 1–4
 * choice per unsur (large touch targets, fits 360 px), the respondent profile and the ticket/phone
 * number that keeps it to one questionnaire per person per period.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { z } from 'zod';
import { AGE_BANDS, EDUCATION_VALUES, OCCUPATIONS, SurveyBody } from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { useMe } from '../../features/identity/hooks.ts';
import { participationApi, type Unit } from '../../features/participation/api.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** A 1–4 choice as the radio gives it ("3", or null when none is picked). */
const Score = z
  .string()
  .nullable()
  .transform((v) => (v === null || v === '' ? undefined : Number(v)))
  .pipe(SurveyBody.shape.scores.element);
/** The contract's body without the anti-spam answer (the API helper adds it); a blank ticket means "not given". */
const SurveyForm = SurveyBody.omit({ challenge: true }).extend({
  scores: z.array(Score).pipe(SurveyBody.shape.scores),
  respondentRef: blankAsNull(SurveyBody.shape.respondentRef),
});
const useSurveyForm = (unit: Unit) =>
  useContractForm(
    SurveyForm,
    {
      scores: unit.unsur.map(() => null),
      gender: 'P',
      ageBand: '20-29',
      education: 'SMA',
      occupation: 'swasta',
      respondentRef: '',
      suggestion: '',
    },
    { serverFields: ['respondentRef', 'suggestion'] },
  );
type Form = ReturnType<typeof useSurveyForm>;

function ScoreQuestions({ unit, form }: { unit: Unit; form: Form }) {
  const { t } = useTranslation();
  const missing = !!form.formState.errors.scores;
  return (
    <>
      {unit.unsur.map((u, j) => (
        <fieldset key={u.code} className="prt-scale">
          <legend>
            {j + 1}. {u.label}
          </legend>
          <div className="prt-scale-options">
            {[1, 2, 3, 4].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  value={n}
                  aria-invalid={form.formState.errors.scores?.[j] ? true : undefined}
                  {...form.register(`scores.${j}`)}
                />
                <span>
                  {n} · {t(`prt.survey.scale.${n}`)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {missing ? <Alert tone="warning">{t('prt.survey.missing', { count: unit.unsur.length })}</Alert> : null}
    </>
  );
}

function ProfileFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <div className="prt-form-grid">
      <SelectField label={t('prt.survey.gender')} error={form.fieldError('gender')} {...form.register('gender')}>
        <option value="P">{t('prt.survey.genders.P')}</option>
        <option value="L">{t('prt.survey.genders.L')}</option>
      </SelectField>
      <SelectField label={t('prt.survey.age')} error={form.fieldError('ageBand')} {...form.register('ageBand')}>
        {AGE_BANDS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('prt.survey.education')}
        error={form.fieldError('education')}
        {...form.register('education')}
      >
        {EDUCATION_VALUES.map((a) => (
          <option key={a} value={a}>
            {a === 'S2' ? 'S2/S3' : a}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('prt.survey.occupation')}
        error={form.fieldError('occupation')}
        {...form.register('occupation')}
      >
        {OCCUPATIONS.map((a) => (
          <option key={a} value={a}>
            {t(`prt.survey.occupations.${a}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function Questionnaire({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const form = useSurveyForm(unit);
  const send = useMutation({
    mutationFn: (v: z.infer<typeof SurveyForm>) =>
      participationApi.respond(unit.id, { ...v, respondentRef: signedIn ? null : v.respondentRef }, signedIn),
    onError: (e) => form.showServerErrors(e),
  });
  const err = send.error instanceof ApiError ? send.error : null;
  if (send.isSuccess) {
    return (
      <Alert tone="success">
        <p>{t('prt.survey.thanks', { period: send.data.period })}</p>
        <p>
          <Link to={`/survei/${unit.id}/hasil`}>{t('prt.survey.seeResults')}</Link>
        </p>
      </Alert>
    );
  }
  return (
    <form
      className="form"
      noValidate
      aria-label={t('prt.survey.title', { unit: unit.name })}
      onSubmit={form.handleSubmit((v) => send.mutate(v))}
    >
      <ScoreQuestions unit={unit} form={form} />
      <h2>{t('prt.survey.profile')}</h2>
      <ProfileFields form={form} />
      {!signedIn ? (
        <TextField
          label={t('prt.survey.ref')}
          hint={t('prt.survey.refHint')}
          maxLength={40}
          inputMode="text"
          autoComplete="off"
          error={form.fieldError('respondentRef')}
          {...form.register('respondentRef')}
        />
      ) : null}
      <TextField
        label={t('prt.survey.suggestion')}
        maxLength={1000}
        error={form.fieldError('suggestion')}
        {...form.register('suggestion')}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={send.isPending}>
          {send.isPending ? t('prt.survey.sending') : t('prt.survey.send')}
        </button>
      </div>
      {send.isError && !err?.fieldMessage('respondentRef') ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

export function SurveyPage() {
  const { t } = useTranslation();
  const { unitId } = useParams();
  const unit = useQuery({ queryKey: ['prt', 'unit', unitId], queryFn: () => participationApi.unit(unitId!) });
  return (
    <QueryState query={unit}>
      {(u) => (
        <>
          <PageTitle
            title={t('prt.survey.title', { unit: u.name })}
            lead={t('prt.survey.lead', { period: u.currentPeriod })}
          >
            {t('prt.survey.title', { unit: u.name })}
          </PageTitle>
          <Questionnaire unit={u} />
        </>
      )}
    </QueryState>
  );
}
