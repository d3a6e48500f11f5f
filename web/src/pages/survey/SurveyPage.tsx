/**
 * /survei/:unitId — the SKM questionnaire, opened from the desk's QR poster on a phone: one 1–4
 * choice per unsur (large touch targets, fits 360 px), the respondent profile and the ticket/phone
 * number that keeps it to one questionnaire per person per period.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AGE_BANDS, EDUCATION_VALUES, OCCUPATIONS } from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useMe } from '../../features/identity/hooks.ts';
import { participationApi, type SurveyInput, type Unit } from '../../features/participation/api.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Questionnaire({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const [scores, setScores] = useState<(number | null)[]>(unit.unsur.map(() => null));
  const [v, setV] = useState<Omit<SurveyInput, 'scores'>>({
    gender: 'P',
    ageBand: '20-29',
    education: 'SMA',
    occupation: 'swasta',
    respondentRef: '',
    suggestion: '',
  });
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      participationApi.respond(
        unit.id,
        { ...v, respondentRef: signedIn ? null : v.respondentRef || null, scores: scores as number[] },
        signedIn,
      ),
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
      onSubmit={(e) => {
        e.preventDefault();
        if (scores.some((s) => s === null)) return setMissing(true);
        setMissing(false);
        send.mutate();
      }}
    >
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
                  name={`unsur-${u.code}`}
                  value={n}
                  checked={scores[j] === n}
                  onChange={() => setScores(scores.map((s, k) => (k === j ? n : s)))}
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
      <h2>{t('prt.survey.profile')}</h2>
      <div className="prt-form-grid">
        <SelectField
          label={t('prt.survey.gender')}
          value={v.gender}
          onChange={(e) => setV({ ...v, gender: e.target.value as 'L' | 'P' })}
        >
          <option value="P">{t('prt.survey.genders.P')}</option>
          <option value="L">{t('prt.survey.genders.L')}</option>
        </SelectField>
        <SelectField
          label={t('prt.survey.age')}
          value={v.ageBand}
          onChange={(e) => setV({ ...v, ageBand: e.target.value as SurveyInput['ageBand'] })}
        >
          {AGE_BANDS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('prt.survey.education')}
          value={v.education}
          onChange={(e) => setV({ ...v, education: e.target.value as SurveyInput['education'] })}
        >
          {EDUCATION_VALUES.map((a) => (
            <option key={a} value={a}>
              {a === 'S2' ? 'S2/S3' : a}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('prt.survey.occupation')}
          value={v.occupation}
          onChange={(e) => setV({ ...v, occupation: e.target.value as SurveyInput['occupation'] })}
        >
          {OCCUPATIONS.map((a) => (
            <option key={a} value={a}>
              {t(`prt.survey.occupations.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {!signedIn ? (
        <TextField
          label={t('prt.survey.ref')}
          hint={t('prt.survey.refHint')}
          value={v.respondentRef ?? ''}
          maxLength={40}
          inputMode="text"
          autoComplete="off"
          onChange={(e) => setV({ ...v, respondentRef: e.target.value })}
          error={err?.fieldMessage('respondentRef')}
        />
      ) : null}
      <TextField
        label={t('prt.survey.suggestion')}
        value={v.suggestion ?? ''}
        maxLength={1000}
        onChange={(e) => setV({ ...v, suggestion: e.target.value })}
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
