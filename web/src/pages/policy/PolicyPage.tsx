/**
 * /kebijakan/:id — a policy's local action plan: BKPSDM adds actions with milestones; the
 * responsible OPD's supervisor updates status and evidence and answers for late milestones.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { z } from 'zod';
import type { Me } from '../../../../common/contracts/identity.ts';
import {
  ActionBody,
  MILESTONE_STATUS_VALUES,
  MilestoneBody,
  MilestoneUpdateBody,
} from '../../../../common/contracts/performance.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useOrganizations } from '../../features/identity/hooks.ts';
import { type MilestoneView, policyApi, type PolicyView } from '../../features/performance/api.ts';
import { TextArea } from '../../features/performance/components.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { MilestoneLine, Progress } from '../../features/performance/PolicyParts.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const trimmedOr = (blank: null | undefined) => (v: unknown) =>
  typeof v === 'string' ? (v.trim() === '' ? blank : v.trim()) : v;
/** The contract's update; a blank link removes the evidence, a blank answer is not sent. */
const MilestoneForm_ = MilestoneUpdateBody.extend({
  evidenceUrl: z.preprocess(trimmedOr(null), MilestoneUpdateBody.shape.evidenceUrl),
  lateAnswer: z.preprocess(trimmedOr(undefined), MilestoneUpdateBody.shape.lateAnswer),
});

function MilestoneForm({ m }: { m: MilestoneView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(MilestoneForm_, {
    status: m.status,
    evidenceUrl: m.evidenceUrl ?? '',
    evidencePublic: m.evidencePublic,
    lateAnswer: m.lateAnswer ?? '',
  });
  const save = useMutation({
    mutationFn: ({ lateAnswer, ...body }: z.output<typeof MilestoneForm_>) =>
      policyApi.updateMilestone(m.id, {
        ...body,
        ...(m.workingDaysLate > 0 && lateAnswer && lateAnswer !== m.lateAnswer ? { lateAnswer } : {}),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['policy'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-label={`${t('skp.policy.update')}: ${m.title}`}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <SelectField
        label={`${t('skp.policy.milestone')}: ${m.title}`}
        error={form.fieldError('status')}
        {...form.register('status')}
      >
        {MILESTONE_STATUS_VALUES.map((s) => (
          <option key={s} value={s}>
            {t(`skp.policy.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('skp.policy.evidenceUrl')}
        type="url"
        inputMode="url"
        maxLength={500}
        error={form.fieldError('evidenceUrl')}
        {...form.register('evidenceUrl')}
      />
      <CheckboxField label={t('skp.policy.evidencePublic')} {...form.register('evidencePublic')} />
      {m.workingDaysLate > 0 ? (
        <TextArea
          label={t('skp.policy.lateAnswer')}
          maxLength={1000}
          error={form.fieldError('lateAnswer')}
          {...form.register('lateAnswer')}
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="btn btn--secondary" disabled={save.isPending}>
          {t('skp.policy.update')}
        </button>
      </div>
      {save.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('skp.policy.updated')}</Alert>
        </div>
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

/** The contract's action; a milestone row left empty is not sent, a half-filled one is checked. */
const ActionForm = ActionBody.extend({
  milestones: z
    .array(
      z.preprocess(
        (row: { title: string; dueOn: string }) => (row.title.trim() === '' && row.dueOn === '' ? undefined : row),
        MilestoneBody.optional(),
      ),
    )
    .transform((rows) => rows.filter((r) => r !== undefined)),
});
type ActionValues = z.input<typeof ActionForm>;
const EMPTY_ACTION: ActionValues = {
  title: '',
  organizationId: '',
  milestones: [
    { title: '', dueOn: '' },
    { title: '', dueOn: '' },
  ],
};
const useActionForm = () => useContractForm(ActionForm, EMPTY_ACTION);

function MilestoneRow({ form, n }: { form: ReturnType<typeof useActionForm>; n: 0 | 1 }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('skp.policy.milestoneTitle', { n: n + 1 })}
        maxLength={300}
        error={form.fieldError(`milestones.${n}.title`)}
        {...form.register(`milestones.${n}.title`)}
      />
      <Controller
        control={form.control}
        name={`milestones.${n}.dueOn`}
        render={({ field }) => (
          <DateField
            label={t('skp.policy.dueOn', { n: n + 1 })}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            error={form.fieldError(`milestones.${n}.dueOn`)}
          />
        )}
      />
    </>
  );
}

function AddAction({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const form = useActionForm();
  const save = useMutation({
    mutationFn: (body: z.output<typeof ActionForm>) => policyApi.addAction(policyId, body),
    onSuccess: () => {
      form.reset(EMPTY_ACTION);
      void qc.invalidateQueries({ queryKey: ['policy'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <section className="card" aria-labelledby="add-action">
      <h2 id="add-action">{t('skp.policy.addAction')}</h2>
      <form
        className="form"
        noValidate
        aria-labelledby="add-action"
        onSubmit={form.handleSubmit((body) => save.mutate(body))}
      >
        <TextField
          label={t('skp.policy.actionTitle')}
          maxLength={300}
          error={form.fieldError('title')}
          {...form.register('title')}
        />
        <SelectField
          label={t('skp.policy.organization')}
          error={form.fieldError('organizationId')}
          {...form.register('organizationId')}
        >
          <option value="">—</option>
          {orgs.data?.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <MilestoneRow form={form} n={0} />
        <MilestoneRow form={form} n={1} />
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('skp.policy.addAction')}
          </button>
        </div>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </form>
    </section>
  );
}

function Detail({ policy, me }: { policy: PolicyView; me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={policy.title} lead={`${t(`skp.policy.issuers.${policy.issuer}`)} · ${policy.number}`}>
        {policy.title}
      </PageTitle>
      <p>
        <Link to="/kebijakan">{t('skp.policy.back')}</Link> ·{' '}
        <Link to={`/kebijakan-publik/${policy.id}`}>{t('skp.policy.publicLink')}</Link>
      </p>
      <section className="card" aria-labelledby="progress">
        <h2 id="progress">{t('skp.policy.actions')}</h2>
        {policy.summary ? <p>{policy.summary}</p> : null}
        <Progress progress={policy.progress} id="progress-line" />
      </section>
      {policy.actions.map((a) => (
        <section key={a.id} className="card" aria-labelledby={`a-${a.id}`}>
          <h2 id={`a-${a.id}`}>{a.title}</h2>
          <p className="skp-meta">{a.organization.name}</p>
          {a.milestones.map((m) => (
            <div key={m.id} className="skp-result">
              <MilestoneLine m={m} organization={a.organization.name} publicView={false} />
              {a.canUpdate ? <MilestoneForm key={m.id} m={m} /> : null}
            </div>
          ))}
        </section>
      ))}
      {me.role === 'admin' ? <AddAction policyId={policy.id} /> : null}
    </>
  );
}

function Page({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['policy', 'one', id], queryFn: () => policyApi.get(id), retry: false });
  return <QueryState query={q}>{(p) => <Detail policy={p} me={me} />}</QueryState>;
}

export function PolicyPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Page me={me} />}</RequireAuth>;
}
