/**
 * /seleksi/:periodId — the committee's selection desk for one period: SKD import, ranking preview,
 * SKB weights per formation, SKB import, and proposing/approving publications (two-person rule).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ApiError } from '../../app/api.ts';
import { ProposePublicationBody, SkbComponentBody, SkbWeightsBody } from '../../../../common/contracts/selection.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useLang, useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Formation, Period } from '../../features/recruitment/types.ts';
import {
  type Publication,
  type RankingRow,
  type SkbComponent,
  selectionApi,
  type Stage,
  type UnscoredParticipant,
} from '../../features/selection/api.ts';
import { CodeBadge, CsvUpload } from '../../features/selection/components/bits.tsx';
import { SkbEntryForm } from '../../features/selection/components/SkbEntryForm.tsx';
import { selKey, usePeriodFormations, usePublications, useRanking } from '../../features/selection/hooks.ts';
import { weightChecks } from '../../features/selection/weights.ts';
import '../../features/selection/selection.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/selection/i18n.ts';

/** Proposals made in this browser tab, so the proposer sees "yours" (the list does not say who proposed). */
const MINE_KEY = 'merit_sel_mine';
const mine = (): string[] => {
  try {
    return JSON.parse(sessionStorage.getItem(MINE_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
};
const remember = (id: string) => {
  try {
    sessionStorage.setItem(MINE_KEY, JSON.stringify([...mine(), id]));
  } catch {
    // Private mode: the server still enforces the rule.
  }
};

/** Where a score came from, as the committee reads it: the CAT session (site, start), an import, or a recorded absence. */
function SourceText({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = row.source;
  if (!s) return <>{t('sel.com.source.none')}</>;
  if (s.kind === 'cat')
    return (
      <>
        {t(row.total === null ? 'sel.com.source.catAbsent' : 'sel.com.source.cat', {
          site: s.siteName ?? '—',
          at: formatDateTime(s.startsAt, lang),
        })}
      </>
    );
  return <>{t(`sel.com.source.${s.kind}`)}</>;
}

/** Participants who would be published as "TH" without a score: publication is refused until each has one or an absence. */
function Unscored({
  periodId,
  missing,
  canAct,
}: {
  periodId: string;
  missing: UnscoredParticipant[];
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const record = useMutation({
    mutationFn: (nos: string[]) => selectionApi.recordAbsences(periodId, nos),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...selKey, 'ranking', periodId] }),
  });
  const absentable = missing.filter((m) => !m.examInProgress).map((m) => m.participantNo);
  return (
    <div className="sel-missing" role="group" aria-labelledby="missing-title">
      <h3 id="missing-title">{t('sel.com.missingTitle', { count: missing.length })}</h3>
      <p className="small">{t('sel.com.missingLead')}</p>
      {record.isError ? <ErrorAlert error={record.error} /> : null}
      {record.isSuccess ? (
        <Alert tone="success">
          <p>{t('sel.com.absencesRecorded', { count: record.data.recorded })}</p>
        </Alert>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('sel.com.missingTable')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sel.com.formation')}</th>
              <th scope="col">{t('sel.formation.participantNo')}</th>
              <th scope="col">{t('sel.com.missingSession')}</th>
              <th scope="col">{t('sel.com.missingState')}</th>
              {canAct ? (
                <th scope="col">
                  <span className="sr-only">{t('sel.com.markAbsent')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {missing.map((m) => (
              <tr key={m.applicationId}>
                <td className="mono">{m.formationCode}</td>
                <td className="mono">{m.participantNo}</td>
                <td>{m.siteName ? `${m.siteName}, ${formatDateTime(m.startsAt, lang)}` : t('sel.com.noSession')}</td>
                <td>{m.examInProgress ? t('sel.com.inExam') : t('sel.com.waiting')}</td>
                {canAct ? (
                  <td>
                    {m.examInProgress ? null : (
                      <button
                        type="button"
                        className="btn btn--secondary btn--small"
                        disabled={record.isPending}
                        aria-label={t('sel.com.markAbsentFor', { no: m.participantNo })}
                        onClick={() => record.mutate([m.participantNo])}
                      >
                        {t('sel.com.markAbsent')}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canAct && absentable.length > 1 ? (
        <button
          type="button"
          className="btn btn--secondary"
          disabled={record.isPending}
          onClick={() => record.mutate(absentable)}
        >
          {t('sel.com.markAllAbsent', { count: absentable.length })}
        </button>
      ) : null}
    </div>
  );
}

function Ranking({ period, formations, canAct }: { period: Period; formations: Formation[]; canAct: boolean }) {
  const { t } = useTranslation();
  const ranking = useRanking(period.id);
  const [code, setCode] = useState('');
  const rows = (ranking.data?.rows ?? []).filter((r) => !code || r.formationId === code);
  const missing = ranking.data?.missing ?? [];
  return (
    <section className="card" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('sel.com.rankingTitle')}</h2>
      <p className="small">{t('sel.com.rankingLead', { year: period.year })}</p>
      {missing.length > 0 ? <Unscored periodId={period.id} missing={missing} canAct={canAct} /> : null}
      <SelectField label={t('sel.com.formation')} value={code} onChange={(e) => setCode(e.target.value)}>
        <option value="">{t('sel.com.allFormations')}</option>
        {formations.map((f) => (
          <option key={f.id} value={f.code}>
            {f.code} — {f.jabatan}
          </option>
        ))}
      </SelectField>
      {ranking.isPending ? <Loading label={t('app.loading')} /> : null}
      {ranking.isError ? <ErrorAlert error={ranking.error} /> : null}
      {ranking.data && rows.length === 0 ? <p>{t('sel.com.rankingEmpty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <p className="small muted">{t('sel.com.participants', { count: rows.length })}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('sel.com.rankingTable')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sel.com.formation')}</th>
                  <th scope="col" className="num">
                    {t('sel.formation.rank')}
                  </th>
                  <th scope="col">{t('sel.formation.participantNo')}</th>
                  <th scope="col" className="num">
                    {t('sel.formation.twk')}
                  </th>
                  <th scope="col" className="num">
                    {t('sel.formation.tiu')}
                  </th>
                  <th scope="col" className="num">
                    {t('sel.formation.tkp')}
                  </th>
                  <th scope="col" className="num">
                    {t('sel.formation.total')}
                  </th>
                  <th scope="col">{t('sel.formation.code')}</th>
                  <th scope="col">{t('sel.com.sourceCol')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.participantNo}>
                    <td className="mono">{r.formationId}</td>
                    <td className="num">{r.rank ?? '—'}</td>
                    <td className="mono">{r.participantNo}</td>
                    <td className="num">{r.twk ?? '—'}</td>
                    <td className="num">{r.tiu ?? '—'}</td>
                    <td className="num">{r.tkp ?? '—'}</td>
                    <td className="num">{r.total ?? '—'}</td>
                    <td>
                      <CodeBadge code={r.code} />
                    </td>
                    <td className="small">
                      <SourceText row={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

const SKB_KINDS = SkbComponentBody.shape.kind.options;
/** The weights form: the contract's components, the weight typed as text (checked as a whole 1–100). */
const WeightsForm = SkbWeightsBody.extend({
  components: SkbComponentBody.extend({
    key: z.string().trim().pipe(SkbComponentBody.shape.key),
    weightPct: z.string().trim().min(1).pipe(z.coerce.number<string>().pipe(SkbComponentBody.shape.weightPct)),
  })
    .array()
    .min(1)
    .max(6),
});
type WeightsValues = z.input<typeof WeightsForm>;
type WeightsFormApi = ReturnType<typeof useContractForm<WeightsValues, z.output<typeof WeightsForm>>>;
const toDraft = (components: readonly SkbComponent[]): WeightsValues => ({
  components: components.map((c) => ({ key: c.key, name: c.name, kind: c.kind, weightPct: String(c.weightPct) })),
});

/** One component of the weights: CSV key, name, kind and weight, and its remove button. */
function WeightRow({
  form,
  index,
  canEdit,
  canRemove,
  onEdit,
  onRemove,
}: {
  form: WeightsFormApi;
  index: number;
  canEdit: boolean;
  canRemove: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = (name: 'key' | 'name' | 'kind' | 'weightPct') => ({
    ...form.register(`components.${index}.${name}`, { onChange: onEdit }),
    error: form.fieldError(`components.${index}.${name}`),
    disabled: !canEdit,
  });
  return (
    <fieldset>
      <legend>{t('sel.com.component', { n: index + 1 })}</legend>
      <div className="sel-grid-fields">
        <TextField label={t('sel.com.key')} hint={t('sel.com.keyHint')} {...field('key')} />
        <TextField label={t('sel.com.compName')} {...field('name')} />
        <SelectField label={t('sel.com.kind')} {...field('kind')}>
          {SKB_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sel.com.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('sel.com.weight')} inputMode="numeric" {...field('weightPct')} />
      </div>
      {canEdit && canRemove ? (
        <button type="button" className="btn btn--ghost btn--small" onClick={onRemove}>
          {t('sel.com.remove', { n: index + 1 })}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The SKB weights of one formation, checked against the contract here; sum and CAT share shown live. */
function WeightsEditorForm({
  formation,
  canEdit,
  current,
}: {
  formation: Formation;
  canEdit: boolean;
  current: { configured: boolean; components: SkbComponent[] };
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(WeightsForm, toDraft(current.components));
  const rows = useFieldArray({ control: form.control, name: 'components' });
  const save = useMutation({
    mutationFn: (v: z.output<typeof WeightsForm>) => selectionApi.setSkbWeights(formation.id, v.components),
    onSuccess: (_, v) => {
      form.reset(toDraft(v.components));
      void qc.invalidateQueries({ queryKey: [...selKey, 'weights', formation.id] });
    },
  });
  const values = form.watch('components');
  const check = weightChecks(values.map((r) => ({ kind: r.kind, weight: Number(r.weightPct) || 0 })));
  const fieldProblems = save.error instanceof ApiError ? save.error.fields.map((f) => f.message) : [];
  return (
    <form
      className="form sel-weights"
      noValidate
      aria-label={t('sel.com.weightsTitle')}
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
    >
      <p className="small">{current.configured ? t('sel.com.weightsConfigured') : t('sel.com.weightsDefault')}</p>
      {rows.fields.map((r, i) => (
        <WeightRow
          key={r.id}
          form={form}
          index={i}
          canEdit={canEdit}
          canRemove={rows.fields.length > 1}
          onEdit={() => save.reset()}
          onRemove={() => rows.remove(i)}
        />
      ))}
      <div aria-live="polite">
        <p className={check.sumOk ? 'small' : 'small sel-sum--bad'}>
          {check.sumOk ? t('sel.com.sumOk') : t('sel.com.sumBad', { sum: check.sum })}
        </p>
        {check.catOk ? null : <p className="small sel-sum--bad">{t('sel.com.catLow', { cat: check.cat })}</p>}
      </div>
      {canEdit ? (
        <div className="actions">
          {rows.fields.length < 6 ? (
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() =>
                rows.append({ key: '', name: '', kind: 'tambahan', weightPct: '' }, { shouldFocus: false })
              }
            >
              {t('sel.com.add')}
            </button>
          ) : null}
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('sel.com.saveWeights')}
          </button>
        </div>
      ) : null}
      {save.isSuccess ? <Alert tone="success">{t('sel.com.weightsSaved', { code: formation.code })}</Alert> : null}
      {save.isError ? (
        <>
          <ErrorAlert error={save.error} />
          {fieldProblems.length > 0 ? (
            <ul className="field-error">
              {fieldProblems.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </form>
  );
}

function WeightsEditor({ formation, canEdit }: { formation: Formation; canEdit: boolean }) {
  const { t } = useTranslation();
  const weights = useQuery({
    queryKey: [...selKey, 'weights', formation.id],
    queryFn: () => selectionApi.skbWeights(formation.id),
  });
  if (weights.isPending) return <Loading label={t('app.loading')} />;
  if (weights.isError) return <ErrorAlert error={weights.error} />;
  return <WeightsEditorForm formation={formation} canEdit={canEdit} current={weights.data} />;
}

function Weights({ formations, canEdit }: { formations: Formation[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [id, setId] = useState(formations[0]?.id ?? '');
  const formation = formations.find((f) => f.id === id);
  return (
    <section className="card" aria-labelledby="weights-title">
      <h2 id="weights-title">{t('sel.com.weightsTitle')}</h2>
      <p className="small">{t('sel.com.weightsLead')}</p>
      <SelectField label={t('sel.com.formation')} value={id} onChange={(e) => setId(e.target.value)}>
        {formations.map((f) => (
          <option key={f.id} value={f.id}>
            {f.code} — {f.jabatan}
          </option>
        ))}
      </SelectField>
      {formation ? <WeightsEditor key={formation.id} formation={formation} canEdit={canEdit} /> : null}
    </section>
  );
}

function PublicationItem({ pub, canDecide }: { pub: Publication; canDecide: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const decide = useMutation({
    mutationFn: (approve: boolean) => selectionApi.decide(pub.id, approve),
    onSuccess: () => qc.invalidateQueries({ queryKey: selKey }),
  });
  const stage = t(`sel.stage.${pub.stage}`);
  const isMine = mine().includes(pub.id);
  const tone = pub.status === 'published' ? 'badge--ok' : pub.status === 'rejected' ? 'badge--warn' : '';
  return (
    <li>
      <h3>
        {stage} · {t('sel.pub.version', { version: pub.version })}{' '}
        <span className={`badge ${tone}`}>{t(`sel.status.${pub.status}`)}</span>
      </h3>
      <p className="small">
        {t('sel.com.proposedAt')}: {formatDateTime(pub.proposedAt, lang)}
        {pub.decidedAt ? ` · ${t('sel.com.decidedAt')}: ${formatDateTime(pub.decidedAt, lang)}` : ''} ·{' '}
        {t('sel.com.filesCount', { count: pub.files.length })}
      </p>
      {pub.reason ? (
        <p className="small">
          {t('sel.pub.correction')}: {pub.reason}
        </p>
      ) : null}
      {pub.status === 'proposed' ? (
        <p className="small strong">{isMine ? t('sel.com.yours') : t('sel.com.awaiting')}</p>
      ) : null}
      {pub.status === 'proposed' && canDecide && !isMine ? (
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary btn--small"
            disabled={decide.isPending}
            aria-label={t('sel.com.approveFor', { stage, version: pub.version })}
            onClick={() => decide.mutate(true)}
          >
            {t('sel.com.approve')}
          </button>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={decide.isPending}
            aria-label={t('sel.com.rejectFor', { stage, version: pub.version })}
            onClick={() => decide.mutate(false)}
          >
            {t('sel.com.reject')}
          </button>
        </div>
      ) : null}
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      {decide.isSuccess ? (
        <Alert tone="success">{decide.variables ? t('sel.com.approved') : t('sel.com.rejectedMsg')}</Alert>
      ) : null}
    </li>
  );
}

/** The proposal's note; blank means none. */
const ProposeFields = ProposePublicationBody.pick({ reason: true }).extend({
  reason: blankAsNull(ProposePublicationBody.shape.reason),
});

function Publications({ period, isCommittee }: { period: Period; isCommittee: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = usePublications(period.id);
  const form = useContractForm(ProposeFields, { reason: '' });
  const propose = useMutation({
    mutationFn: ({ stage, reason }: { stage: Stage; reason: string | null }) =>
      selectionApi.propose(period.id, stage, reason),
    onSuccess: (r) => {
      remember(r.id);
      form.reset();
      void qc.invalidateQueries({ queryKey: selKey });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const proposeStage = (stage: Stage) => form.handleSubmit(({ reason }) => propose.mutate({ stage, reason }));
  return (
    <section className="card" aria-labelledby="pub-title">
      <h2 id="pub-title">{t('sel.com.pubTitle')}</h2>
      <Alert tone="info">{t('sel.com.twoPerson')}</Alert>
      {isCommittee ? (
        <form className="form" noValidate aria-label={t('sel.com.pubTitle')} onSubmit={(e) => e.preventDefault()}>
          <TextAreaField
            className="sel-reason"
            label={t('sel.com.reason')}
            rows={2}
            maxLength={1000}
            error={form.fieldError('reason')}
            {...form.register('reason')}
          />
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={propose.isPending}
              onClick={(e) => void proposeStage('skd')(e)}
            >
              {t('sel.com.proposeSkd')}
            </button>
            <button
              type="button"
              className="btn btn--secondary"
              disabled={propose.isPending}
              onClick={(e) => void proposeStage('final')(e)}
            >
              {t('sel.com.proposeFinal')}
            </button>
          </div>
          {propose.isSuccess ? (
            <Alert tone="success">
              {t('sel.com.proposed', {
                stage: t(`sel.stage.${propose.variables.stage}`),
                version: propose.data.version,
              })}
            </Alert>
          ) : null}
          {propose.isError ? <ErrorAlert error={propose.error} /> : null}
        </form>
      ) : null}
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.publications.length === 0 ? <p>{t('sel.com.noPublications')}</p> : null}
      <ul className="rec-cards">
        {list.data?.publications.map((p) => (
          <PublicationItem key={p.id} pub={p} canDecide={isCommittee} />
        ))}
      </ul>
    </section>
  );
}

function Desk({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { periodId = '' } = useParams();
  const periods = useStaffPeriods();
  const formations = usePeriodFormations(periodId);
  const period = periods.data?.periods.find((p) => p.id === periodId);
  const isCommittee = me.role === 'committee';
  const refresh = () => void qc.invalidateQueries({ queryKey: selKey });
  if (periods.isPending) return <Loading label={t('app.loading')} />;
  if (periods.isError) return <ErrorAlert error={periods.error} />;
  if (!period) return <Alert tone="error">{t('sel.com.notFound')}</Alert>;
  const list = formations.data?.formations ?? [];
  return (
    <>
      <PageTitle title={t('sel.com.title', { name: period.name })} lead={t('sel.com.lead')}>
        {t('sel.com.title', { name: period.name })}
      </PageTitle>
      <p className="actions">
        <Link to={`/hasil/${period.id}`}>{t('sel.com.publicLink')}</Link>
        {me.role === 'admin' ? <Link to="/seleksi/ambang-batas">{t('sel.com.thresholdsLink')}</Link> : null}
      </p>
      {isCommittee ? null : <Alert tone="info">{t('sel.com.adminReadOnly')}</Alert>}
      <section className="card">
        <CsvUpload
          titleId="skd-import-title"
          title={t('sel.com.skdTitle')}
          lead={t('sel.com.skdLead')}
          button={t('sel.com.skdImportBtn')}
          onUpload={async (file, onProgress) => {
            const r = await selectionApi.importSkd(period.id, file, onProgress);
            refresh();
            return r;
          }}
        />
      </section>
      <Ranking period={period} formations={list} canAct={isCommittee} />
      {formations.isError ? <ErrorAlert error={formations.error} /> : null}
      {list.length > 0 ? <Weights formations={list} canEdit={isCommittee} /> : null}
      {isCommittee ? (
        <section className="card">
          <CsvUpload
            titleId="skb-import-title"
            title={t('sel.com.skbTitle')}
            lead={t('sel.com.skbLead')}
            button={t('sel.com.skbImportBtn')}
            onUpload={async (file, onProgress) => {
              const r = await selectionApi.importSkb(period.id, file, onProgress);
              refresh();
              return r;
            }}
          />
        </section>
      ) : null}
      {isCommittee && list.length > 0 ? (
        <section className="card">
          <SkbEntryForm periodId={period.id} formations={list} onSaved={refresh} />
        </section>
      ) : null}
      <Publications period={period} isCommittee={isCommittee} />
    </>
  );
}

export function SelectionPeriodPage() {
  return <RequireAuth roles={['committee', 'admin']}>{(me) => <Desk me={me} />}</RequireAuth>;
}
