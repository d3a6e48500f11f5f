/**
 * Training pre/post-tests on the CAT engine: the training admin's choice of blueprint and window
 * per phase on the batch page, and the employee's list of tests with a start action.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { BatchTestBody } from '../../../../../common/contracts/training-tests.ts';
import { formatWitaDateTime, witaDateTimeLocal } from '../../../../../common/rules/wita.ts';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { QueryState } from '../../../app/QueryState.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { DateTimeField } from '../../../ui/DateFields.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import '../i18n-tests.ts';
import { type BatchTestRow, type TestPhase, testsApi } from '../tests-api.ts';
import { withWitaTimes } from '../../../app/wita-fields.ts';

const PHASES: TestPhase[] = ['pre', 'post'];
const useLang = () => (useTranslation().i18n.language === 'en' ? 'en' : 'id');

/** An instant as the WITA "YYYY-MM-DDTHH:mm" the date-time field edits. */

/** The batch's engine tests, for the score table: which phases are not typed in. */
export function useBatchTests(batchId: string, enabled: boolean) {
  return useQuery({ queryKey: ['dev', 'batch-tests', batchId], queryFn: () => testsApi.ofBatch(batchId), enabled });
}

function PhaseForm({
  batchId,
  phase,
  current,
  blueprints,
}: {
  batchId: string;
  phase: TestPhase;
  current: BatchTestRow | undefined;
  blueprints: { id: string; name: string; itemCount: number; durationMinutes: number }[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const name = t(`devt.phase.${phase}`);
  const form = useContractForm(withWitaTimes(BatchTestBody, ['opensAt', 'closesAt']), {
    blueprintId: current?.blueprint.id ?? '',
    opensAt: current ? witaDateTimeLocal(current.opensAt) : '',
    closesAt: current ? witaDateTimeLocal(current.closesAt) : '',
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['dev'] });
  const save = useMutation({
    mutationFn: (body: z.output<typeof BatchTestBody>) => testsApi.set(batchId, phase, body),
    onSuccess: refresh,
    onError: (e) => form.showServerErrors(e),
  });
  const remove = useMutation({ mutationFn: () => testsApi.remove(batchId, phase), onSuccess: refresh });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('devt.batch.save', { phase: name })}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h3>{name}</h3>
      <SelectField
        label={t('devt.batch.blueprint', { phase: name })}
        error={form.fieldError('blueprintId')}
        {...form.register('blueprintId')}
      >
        <option value="">{t('devt.batch.choose')}</option>
        {blueprints.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name} ({t('devt.batch.items', { count: b.itemCount, minutes: b.durationMinutes })})
          </option>
        ))}
      </SelectField>
      <Controller
        control={form.control}
        name="opensAt"
        render={({ field }) => (
          <DateTimeField
            label={t('devt.batch.opensAt', { phase: name })}
            value={field.value}
            onChange={field.onChange}
            error={form.fieldError('opensAt')}
          />
        )}
      />
      <Controller
        control={form.control}
        name="closesAt"
        render={({ field }) => (
          <DateTimeField
            label={t('devt.batch.closesAt', { phase: name })}
            value={field.value}
            onChange={field.onChange}
            error={form.fieldError('closesAt')}
          />
        )}
      />
      {save.isError && !err?.fieldMessage('blueprintId') ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess ? <Alert tone="success">{t('devt.batch.saved', { phase: name })}</Alert> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {remove.isSuccess ? <Alert tone="success">{t('devt.batch.removed', { phase: name })}</Alert> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('devt.batch.save', { phase: name })}
        </button>
        {current ? (
          <button
            type="button"
            className="btn btn--secondary"
            disabled={remove.isPending || current.started > 0}
            onClick={() => remove.mutate()}
          >
            {t('devt.batch.remove', { phase: name })}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The batch page's section: what each phase runs on and, for the training admin, the forms. */
export function BatchTests({ batchId, isAdmin }: { batchId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tests = useBatchTests(batchId, true);
  const blueprints = useQuery({ queryKey: ['dev', 'test-blueprints'], queryFn: testsApi.blueprints, enabled: isAdmin });
  return (
    <section className="card" aria-labelledby="tests-title">
      <h2 id="tests-title">{t('devt.batch.title')}</h2>
      <p className="small">{t('devt.batch.lead')}</p>
      <QueryState query={tests}>
        {(d) => (
          <>
            <ul className="plain">
              {PHASES.map((phase) => {
                const row = d.tests.find((x) => x.phase === phase);
                const name = t(`devt.phase.${phase}`);
                return (
                  <li key={phase}>
                    {row
                      ? t('devt.batch.current', {
                          phase: name,
                          blueprint: row.blueprint.name,
                          opens: formatWitaDateTime(row.opensAt, lang),
                          closes: formatWitaDateTime(row.closesAt, lang),
                          count: row.started,
                        })
                      : t('devt.batch.none', { phase: name })}
                  </li>
                );
              })}
            </ul>
            {isAdmin && blueprints.data ? (
              blueprints.data.blueprints.length === 0 ? (
                <Alert tone="info">{t('devt.batch.noBlueprints')}</Alert>
              ) : (
                PHASES.map((phase) => {
                  const row = d.tests.find((x) => x.phase === phase);
                  return (
                    <PhaseForm
                      key={phase}
                      batchId={batchId}
                      phase={phase}
                      current={row}
                      blueprints={blueprints.data.blueprints}
                    />
                  );
                })
              )
            ) : null}
            {blueprints.isError ? <ErrorAlert error={blueprints.error} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The employee's tests on /pelatihan/saya: start or continue when open, the score once done. */
export function MyTests() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: ['dev', 'my-tests'], queryFn: testsApi.mine });
  const start = useMutation({
    mutationFn: (x: { enrollmentId: string; phase: TestPhase }) => testsApi.start(x.enrollmentId, x.phase),
    onSuccess: (r) => void navigate(`/pelatihan/tes/${r.attemptId}`),
  });
  if (mine.data && mine.data.tests.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-tests">
      <h2 id="my-tests">{t('devt.mine.title')}</h2>
      {start.isError ? <ErrorAlert error={start.error} /> : null}
      <QueryState query={mine} isEmpty={(d) => d.tests.length === 0} empty={t('devt.mine.none')}>
        {(d) => (
          <ul className="plain">
            {d.tests.map((x) => {
              const phase = t(`devt.phase.${x.phase}`);
              const result = x.attempt?.result;
              return (
                <li key={`${x.enrollmentId}:${x.phase}`}>
                  <strong>{phase}</strong> · {x.programTitle} ({x.batchName})
                  <br />
                  <span className="small">
                    {t('devt.mine.window', {
                      opens: formatWitaDateTime(x.opensAt, lang),
                      closes: formatWitaDateTime(x.closesAt, lang),
                      count: x.itemCount,
                      minutes: x.durationMinutes,
                    })}
                  </span>
                  <br />
                  {result ? (
                    <strong>{t('devt.mine.score', { phase, score: result.percent })}</strong>
                  ) : x.open ? (
                    <button
                      type="button"
                      className="btn btn--primary"
                      disabled={start.isPending}
                      onClick={() => start.mutate({ enrollmentId: x.enrollmentId, phase: x.phase })}
                    >
                      {t(x.attempt ? 'devt.mine.resume' : 'devt.mine.start', { phase, program: x.programTitle })}
                    </button>
                  ) : (
                    <span className="small muted">{t('devt.mine.notOpen')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
