/**
 * /kebijakan/:id — a policy's local action plan: BKPSDM adds actions with milestones; the
 * responsible OPD's supervisor updates status and evidence and answers for late milestones.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { MILESTONE_STATUS_VALUES } from '../../../../common/contracts/performance.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
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

function MilestoneForm({ m }: { m: MilestoneView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState(m.status);
  const [url, setUrl] = useState(m.evidenceUrl ?? '');
  const [isPublic, setPublic] = useState(m.evidencePublic);
  const [answer, setAnswer] = useState(m.lateAnswer ?? '');
  const save = useMutation({
    mutationFn: () =>
      policyApi.updateMilestone(m.id, {
        status,
        evidenceUrl: url.trim() ? url.trim() : null,
        evidencePublic: isPublic,
        ...(m.workingDaysLate > 0 && answer.trim() && answer !== m.lateAnswer ? { lateAnswer: answer.trim() } : {}),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['policy'] }),
  });
  return (
    <form
      className="form"
      aria-label={`${t('skp.policy.update')}: ${m.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <SelectField
        label={`${t('skp.policy.milestone')}: ${m.title}`}
        value={status}
        onChange={(e) => setStatus(e.target.value as MilestoneView['status'])}
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
        value={url}
        maxLength={500}
        onChange={(e) => setUrl(e.target.value)}
      />
      <CheckboxField
        label={t('skp.policy.evidencePublic')}
        checked={isPublic}
        onChange={(e) => setPublic(e.target.checked)}
      />
      {m.workingDaysLate > 0 ? (
        <TextArea
          label={t('skp.policy.lateAnswer')}
          value={answer}
          maxLength={1000}
          onChange={(e) => setAnswer(e.target.value)}
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

function AddAction({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const empty = { title: '', organizationId: '', m1: '', d1: '', m2: '', d2: '' };
  const [v, setV] = useState(empty);
  const save = useMutation({
    mutationFn: () =>
      policyApi.addAction(policyId, {
        title: v.title,
        organizationId: v.organizationId,
        milestones: [
          { title: v.m1, dueOn: v.d1 },
          { title: v.m2, dueOn: v.d2 },
        ].filter((m) => m.title.trim() && m.dueOn),
      }),
    onSuccess: () => {
      setV(empty);
      void qc.invalidateQueries({ queryKey: ['policy'] });
    },
  });
  return (
    <section className="card" aria-labelledby="add-action">
      <h2 id="add-action">{t('skp.policy.addAction')}</h2>
      <form
        className="form"
        aria-labelledby="add-action"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextField
          label={t('skp.policy.actionTitle')}
          value={v.title}
          maxLength={300}
          onChange={(e) => setV({ ...v, title: e.target.value })}
        />
        <SelectField
          label={t('skp.policy.organization')}
          value={v.organizationId}
          onChange={(e) => setV({ ...v, organizationId: e.target.value })}
        >
          <option value="">—</option>
          {orgs.data?.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('skp.policy.milestoneTitle', { n: 1 })}
          value={v.m1}
          maxLength={300}
          onChange={(e) => setV({ ...v, m1: e.target.value })}
        />
        <DateField
          label={t('skp.policy.dueOn', { n: 1 })}
          value={v.d1}
          onChange={(value) => setV({ ...v, d1: value })}
        />
        <TextField
          label={t('skp.policy.milestoneTitle', { n: 2 })}
          value={v.m2}
          maxLength={300}
          onChange={(e) => setV({ ...v, m2: e.target.value })}
        />
        <DateField
          label={t('skp.policy.dueOn', { n: 2 })}
          value={v.d2}
          onChange={(value) => setV({ ...v, d2: value })}
        />
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
