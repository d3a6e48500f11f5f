/**
 * /skp/saya — a civil servant's own SKP for the year: its state and evaluator, the final
 * evaluations with their predikat, and the training programmes recommended from the newest one,
 * each with its reason and an enrol action (the development module's enrolment).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { EnrollRecommendedBody } from '../../../../common/contracts/performance.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { type MySkp, performanceApi, type Recommendation } from '../../features/performance/api.ts';
import { EvaluationsTable, useMsg } from '../../features/performance/components.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function RecommendationCard({ year, rec }: { year: number; rec: Recommendation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const text = useMsg();
  const qc = useQueryClient();
  const form = useContractForm(EnrollRecommendedBody, {
    programId: rec.program.id,
    batchId: rec.program.batches[0]?.id ?? '',
  });
  const enroll = useMutation({
    mutationFn: (body: z.output<typeof EnrollRecommendedBody>) =>
      performanceApi.enroll(year, body.programId, body.batchId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dev'] }),
    onError: (e) => form.showServerErrors(e),
  });
  const headingId = `rec-${rec.program.id}`;
  return (
    <article className="skp-result" aria-labelledby={headingId}>
      <h3 id={headingId}>{rec.program.title}</h3>
      <p className="skp-meta">
        {rec.program.competencyArea} · {t('skp.mine.jp', { count: rec.program.jp })}
      </p>
      <p>
        <strong>{t('skp.mine.reason')}:</strong>
      </p>
      <ul>
        {rec.reasons.map((r) => (
          <li key={r.id}>{text(r)}</li>
        ))}
      </ul>
      {enroll.isSuccess ? (
        <div role="status">
          <Alert tone="success">
            {enroll.data.status === 'enrolled'
              ? t('skp.mine.enrolled', { title: rec.program.title })
              : t('skp.mine.waitlisted', { title: rec.program.title })}
          </Alert>
        </div>
      ) : rec.program.batches.length === 0 ? (
        <p className="small muted">{t('skp.mine.noBatch')}</p>
      ) : (
        <form
          className="skp-inline"
          noValidate
          aria-label={t('skp.mine.batch', { title: rec.program.title })}
          onSubmit={form.handleSubmit((body) => enroll.mutate(body))}
        >
          <SelectField
            label={t('skp.mine.batch', { title: rec.program.title })}
            error={form.fieldError('batchId')}
            {...form.register('batchId')}
          >
            {rec.program.batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} · {formatCalendarDate(b.startsOn, lang)} · {b.venue} ·{' '}
                {t('skp.mine.seats', { seated: b.seated, capacity: b.capacity })}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={enroll.isPending}>
              {t('skp.mine.enroll')}
            </button>
          </div>
        </form>
      )}
      {enroll.isError ? <ErrorAlert error={enroll.error} /> : null}
    </article>
  );
}

function MineView({ data }: { data: MySkp }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () => performanceApi.startPlan(data.year, null),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['skp'] });
      navigate(`/skp/rencana/${r.id}`);
    },
  });
  return (
    <>
      <section className="card" aria-labelledby="my-plan">
        <h2 id="my-plan">{t('skp.mine.plan', { year: data.year })}</h2>
        {data.plan ? (
          <>
            <p>
              <span className={data.plan.status === 'agreed' ? 'badge badge--ok' : 'badge'}>
                {t(`skp.planStatus.${data.plan.status}`)}
              </span>{' '}
              {data.plan.evaluator
                ? t('skp.mine.evaluator', { name: data.plan.evaluator.fullName, nip: data.plan.evaluator.nip })
                : null}
            </p>
            <p>
              <Link to={`/skp/rencana/${data.plan.id}`}>{t('skp.mine.open')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('skp.mine.noPlan', { year: data.year })}</p>
            <button
              type="button"
              className="btn btn--primary"
              disabled={start.isPending}
              onClick={() => start.mutate()}
            >
              {t('skp.mine.start', { year: data.year })}
            </button>
            {start.isError ? <ErrorAlert error={start.error} /> : null}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="my-evals">
        <h2 id="my-evals">{t('skp.mine.evaluations')}</h2>
        <EvaluationsTable rows={data.evaluations} />
      </section>
      <section className="card" aria-labelledby="my-recs">
        <h2 id="my-recs">{t('skp.mine.recommendations')}</h2>
        <p className="small">{t('skp.mine.recommendationsLead')}</p>
        {data.recommendations.length === 0 ? <p>{t('skp.mine.noRecommendations')}</p> : null}
        {data.recommendations.map((r) => (
          <RecommendationCard key={r.program.id} year={data.year} rec={r} />
        ))}
      </section>
    </>
  );
}

function Mine() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const mine = useQuery({ queryKey: ['skp', 'mine', year], queryFn: () => performanceApi.mine(year), retry: false });
  return (
    <>
      <PageTitle title={t('skp.mine.title')} lead={t('skp.mine.lead')}>
        {t('skp.mine.title')}
      </PageTitle>
      <QueryState query={mine}>{(data) => <MineView data={data} />}</QueryState>
    </>
  );
}

export function MySkpPage() {
  return <RequireAuth>{() => <Mine />}</RequireAuth>;
}
