/**
 * /skp/rencana/:id — one SKP as its employee, pejabat penilai, atasan pejabat penilai or BKPSDM
 * sees it: hasil kerja with indicators and their feedback and evidence, the BerAKHLAK values with
 * ekspektasi khusus, the employee's agreement, and the evaluations — the evaluator's form shows
 * the predikat and the unit's distribution warnings before they finalise.
 */
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  AgreeBody,
  BehavioursBody,
  EvaluationBody,
  FeedbackNoteBody,
  LinkNoteBody,
} from '../../../../common/contracts/performance.ts';
import { formatWitaDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import {
  type Distribution,
  type Evaluation,
  type NoteInput,
  type Period,
  performanceApi,
  type PlanView,
  type Rating,
} from '../../features/performance/api.ts';
import { EvaluationsTable, ResultForm, TextArea, useMsg } from '../../features/performance/components.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const RATINGS: Rating[] = ['above', 'meets', 'below'];

const useFeedbackForm = () => useContractForm(FeedbackNoteBody, { kind: 'feedback', body: '' });
const useLinkForm = () => useContractForm(LinkNoteBody, { kind: 'link', url: '', body: '' });

function NoteList({ notes }: { notes: PlanView['results'][number]['notes'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <>
      {notes.length === 0 ? <p className="small muted">{t('skp.plan.noNotes')}</p> : null}
      <ul className="skp-notes">
        {notes.map((n) => (
          <li key={n.id}>
            <span className="badge">{t(`skp.plan.side.${n.side}`)}</span> <strong>{n.author}</strong>{' '}
            <span className="small muted">({formatWitaDate(n.createdAt, lang)})</span>:{' '}
            {n.kind === 'feedback' ? n.body : null}
            {n.kind === 'link' && n.url ? (
              <a href={n.url} rel="noopener noreferrer" target="_blank">
                {n.body || n.url}
              </a>
            ) : null}
            {n.kind === 'file' ? (
              <>
                {n.body ? `${n.body} — ` : null}
                <a href={performanceApi.fileUrl(n.id)} download>
                  {t('skp.plan.download', { size: Math.ceil((n.fileSize ?? 0) / 1024) })}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Feedback and a link to evidence (both checked against the contract), and an evidence file. */
function NoteForms({ result }: { result: PlanView['results'][number] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const feedback = useFeedbackForm();
  const link = useLinkForm();
  const [file, setFile] = useState<File | null>(null);
  const done = () => void qc.invalidateQueries({ queryKey: ['skp'] });
  const note = useMutation({
    mutationFn: (body: NoteInput) => performanceApi.addNote(result.id, body),
    onSuccess: () => {
      feedback.reset();
      link.reset();
      done();
    },
  });
  const upload = useMutation({
    mutationFn: (f: File) => performanceApi.addFile(result.id, f),
    onSuccess: () => {
      setFile(null);
      done();
    },
  });
  return (
    <div className="skp-stack">
      <form
        className="form"
        noValidate
        aria-label={t('skp.plan.feedback', { title: result.title })}
        onSubmit={feedback.handleSubmit((body) => note.mutate(body, { onError: (e) => feedback.showServerErrors(e) }))}
      >
        <TextArea
          label={t('skp.plan.feedback', { title: result.title })}
          maxLength={2000}
          error={feedback.fieldError('body')}
          {...feedback.register('body')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={note.isPending}>
            {t('skp.plan.sendFeedback')}
          </button>
        </div>
      </form>
      <form
        className="skp-inline"
        noValidate
        aria-label={`${t('skp.plan.link')}: ${result.title}`}
        onSubmit={link.handleSubmit((body) => note.mutate(body, { onError: (e) => link.showServerErrors(e) }))}
      >
        <TextField
          label={t('skp.plan.link')}
          type="url"
          inputMode="url"
          maxLength={500}
          error={link.fieldError('url')}
          {...link.register('url')}
        />
        <TextField
          label={t('skp.plan.linkCaption')}
          maxLength={300}
          error={link.fieldError('body')}
          {...link.register('body')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={note.isPending}>
            {t('skp.plan.addLink')}
          </button>
        </div>
      </form>
      <form
        className="skp-inline"
        aria-label={`${t('skp.plan.file')}: ${result.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <TextField
          label={t('skp.plan.file')}
          type="file"
          accept="application/pdf,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={upload.isPending || !file}>
            {t('skp.plan.upload')}
          </button>
        </div>
      </form>
      {note.isSuccess || upload.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('skp.plan.added')}</Alert>
        </div>
      ) : null}
      {note.isError ? <ErrorAlert error={note.error} /> : null}
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
    </div>
  );
}

function Notes({ result, canAdd }: { result: PlanView['results'][number]; canAdd: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <h4>{t('skp.plan.notes')}</h4>
      <NoteList notes={result.notes} />
      {canAdd ? <NoteForms result={result} /> : null}
    </div>
  );
}

function Behaviours({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(BehavioursBody, {
    expectations: Object.fromEntries(view.behaviours.map((b) => [b.value, b.expectation])),
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof BehavioursBody>) =>
      performanceApi.setBehaviours(view.plan.id, body.expectations),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['skp'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <section className="card" aria-labelledby="behaviours">
      <h2 id="behaviours">{t('skp.plan.behaviours')}</h2>
      {view.can.setBehaviours ? (
        <form
          className="form"
          noValidate
          aria-labelledby="behaviours"
          onSubmit={form.handleSubmit((body) => save.mutate(body))}
        >
          {view.behaviours.map((b) => (
            <TextArea
              key={b.value}
              label={`${b.label} — ${t('skp.plan.expectation')}`}
              maxLength={500}
              rows={2}
              error={form.fieldError(`expectations.${b.value}`)}
              {...form.register(`expectations.${b.value}`)}
            />
          ))}
          <div className="actions">
            <button type="submit" className="btn btn--secondary" disabled={save.isPending}>
              {t('skp.plan.saveBehaviours')}
            </button>
          </div>
          {save.isSuccess ? (
            <div role="status">
              <Alert tone="success">{t('skp.plan.behavioursSaved')}</Alert>
            </div>
          ) : null}
          {save.isError ? <ErrorAlert error={save.error} /> : null}
        </form>
      ) : (
        <DataTable
          label={t('skp.plan.behavioursTable')}
          rows={view.behaviours}
          rowKey={(b) => b.value}
          columns={[
            { key: 'v', header: t('skp.plan.value'), cell: (b) => b.label },
            { key: 'e', header: t('skp.plan.expectation'), cell: (b) => b.expectation || t('skp.plan.noExpectation') },
          ]}
        />
      )}
    </section>
  );
}

function DistributionNote({ d }: { d: Distribution }) {
  const { t } = useTranslation();
  const text = useMsg();
  const list = (Object.entries(d.counts) as [string, number][])
    .filter(([, n]) => n > 0)
    .map(([p, n]) => `${t(`skp.predikat.${p}`)} ${n}`)
    .join(', ');
  return (
    <div role="status">
      {d.warnings.length > 0 ? (
        <Alert
          tone="warning"
          title={t('skp.evaluation.warningsTitle', { org: t(`skp.orgPredikat.${d.organizationPredikat}`) })}
        >
          <ul>
            {d.warnings.map((w) => (
              <li key={w.id}>{text(w)}</li>
            ))}
          </ul>
          <p className="small">{t('skp.evaluation.counts', { list })}</p>
          <p className="small">{t('skp.evaluation.warningsLead')}</p>
          {!d.organizationPredikatSet ? <p className="small">{t('skp.evaluation.orgUnset')}</p> : null}
        </Alert>
      ) : (
        <Alert tone="info">{t('skp.evaluation.noWarnings')}</Alert>
      )}
    </div>
  );
}

type EvaluationValues = z.input<typeof EvaluationBody>;
type Saved = { evaluation: Evaluation; distribution: Distribution };

function evaluationDefaults(view: PlanView, draft: Evaluation | undefined): EvaluationValues {
  return {
    resultRatings: draft?.resultRatings ?? Object.fromEntries(view.results.map((r) => [r.id, 'meets' as Rating])),
    behaviourRatings:
      draft?.behaviourRatings ?? Object.fromEntries(view.behaviours.map((b) => [b.value, 'meets' as Rating])),
    realisations: draft?.realisations ?? {},
    note: draft?.note ?? '',
  };
}

const useEvaluationForm = (view: PlanView, draft: Evaluation | undefined) =>
  useContractForm(EvaluationBody, evaluationDefaults(view, draft), {
    serverFields: ['note', ...view.results.flatMap((r) => r.indicators.map((i) => `realisations.${i.id}` as const))],
  });

function RatingSelect({ label, ...select }: { label: string } & ComponentProps<'select'>) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} {...select}>
      {RATINGS.map((r) => (
        <option key={r} value={r}>
          {t(`skp.rating.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** The realisation of each indicator, a rating per hasil kerja and per BerAKHLAK value, and a note. */
function EvaluationFields({ view, form }: { view: PlanView; form: ReturnType<typeof useEvaluationForm> }) {
  const { t } = useTranslation();
  return (
    <>
      {view.results.map((r) => (
        <fieldset key={r.id}>
          <legend>{r.title}</legend>
          {r.indicators.map((i) => (
            <TextField
              key={i.id}
              label={t('skp.evaluation.realisation', {
                indicator: i.description,
                target: `${i.target}${i.unit ? ` ${i.unit}` : ''}`,
              })}
              maxLength={500}
              error={form.fieldError(`realisations.${i.id}`)}
              {...form.register(`realisations.${i.id}`)}
            />
          ))}
          <RatingSelect
            label={t('skp.evaluation.ratingOf', { title: r.title })}
            {...form.register(`resultRatings.${r.id}`)}
          />
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('skp.plan.behaviours')}</legend>
        {view.behaviours.map((b) => (
          <div key={b.value}>
            <RatingSelect
              label={t('skp.evaluation.valueRating', { value: b.label })}
              {...form.register(`behaviourRatings.${b.value}`)}
            />
          </div>
        ))}
      </fieldset>
      <TextArea
        label={t('skp.evaluation.note')}
        maxLength={2000}
        error={form.fieldError('note')}
        {...form.register('note')}
      />
    </>
  );
}

/** The saved draft's predikat and the unit's distribution warnings, then the button that finalises it. */
function SavedEvaluation({
  saved,
  label,
  finalise,
}: {
  saved: Saved;
  label: string;
  finalise: UseMutationResult<unknown, Error, void>;
}) {
  const { t } = useTranslation();
  return (
    <div className="skp-stack">
      <div role="status">
        <p className="skp-predikat">
          {t('skp.evaluation.result', { period: label, predikat: t(`skp.predikat.${saved.evaluation.predikat}`) })}
        </p>
        <p>
          {t('skp.evaluation.summary', {
            results: t(`skp.rating.${saved.evaluation.ratingResults}`),
            behaviour: t(`skp.rating.${saved.evaluation.ratingBehaviour}`),
          })}
        </p>
      </div>
      <DistributionNote d={saved.distribution} />
      <p className="small">{t('skp.evaluation.finaliseHint')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={finalise.isPending}
          onClick={() => finalise.mutate()}
        >
          {t('skp.evaluation.finalise', { period: label })}
        </button>
      </div>
    </div>
  );
}

function EvaluationForm({ view, period }: { view: PlanView; period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const draft = view.evaluations.find((e) => e.period === period);
  const form = useEvaluationForm(view, draft);
  const [saved, setSaved] = useState<Saved | null>(
    draft && view.distributions[period] ? { evaluation: draft, distribution: view.distributions[period]! } : null,
  );
  const label = t(`skp.period.${period}`);
  const save = useMutation({
    mutationFn: (body: z.output<typeof EvaluationBody>) =>
      performanceApi.saveEvaluation(view.plan.id, period, {
        ...body,
        realisations: Object.fromEntries(Object.entries(body.realisations).filter(([, v]) => v)),
      }),
    onSuccess: (r) => {
      setSaved(r);
      void qc.invalidateQueries({ queryKey: ['skp'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const finalise = useMutation({
    mutationFn: () => performanceApi.finalise(view.plan.id, period),
    onSuccess: () => {
      setSaved(null);
      void qc.invalidateQueries({ queryKey: ['skp'] });
    },
  });
  return (
    <section className="card" aria-labelledby="eval-form">
      <h2 id="eval-form">{t('skp.evaluation.formTitle', { period: label })}</h2>
      <p className="small">{t('skp.evaluation.formLead')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="eval-form"
        onSubmit={form.handleSubmit((body) => save.mutate(body))}
      >
        <EvaluationFields view={view} form={form} />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={save.isPending}>
            {t('skp.evaluation.save')}
          </button>
        </div>
      </form>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {saved ? <SavedEvaluation saved={saved} label={label} finalise={finalise} /> : null}
      {finalise.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('skp.evaluation.finalised', { period: label })}</Alert>
        </div>
      ) : null}
      {finalise.isError ? <ErrorAlert error={finalise.error} /> : null}
    </section>
  );
}

function Agreement({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(AgreeBody, { clarification: '' });
  const agree = useMutation({
    mutationFn: ({ clarification }: z.output<typeof AgreeBody>) => performanceApi.agree(view.plan.id, clarification),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['skp'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <section className="card" aria-labelledby="agree">
      <h2 id="agree">{t('skp.plan.agreeTitle')}</h2>
      <p>{t('skp.plan.agreeLead')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="agree"
        onSubmit={form.handleSubmit((body) => agree.mutate(body))}
      >
        <TextArea
          label={t('skp.plan.clarification')}
          maxLength={1000}
          error={form.fieldError('clarification')}
          {...form.register('clarification')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={agree.isPending}>
            {t('skp.plan.agree')}
          </button>
        </div>
      </form>
      {agree.isError ? <ErrorAlert error={agree.error} /> : null}
    </section>
  );
}

/** Who the plan is for, who evaluates and approves it, and its status. */
function PlanFacts({ plan: p }: { plan: PlanView['plan'] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>NIP</dt>
        <dd className="mono">{p.employee.nip}</dd>
      </div>
      <div>
        <dt>{t('skp.team.jabatan')}</dt>
        <dd>
          {p.employee.jabatan} · {p.employee.unit} · {p.employee.organization.name}
        </dd>
      </div>
      <div>
        <dt>{t('skp.plan.evaluator')}</dt>
        <dd>{p.evaluator ? `${p.evaluator.fullName} (${p.evaluator.nip})` : t('skp.plan.none')}</dd>
      </div>
      <div>
        <dt>{t('skp.plan.atasan')}</dt>
        <dd>{p.atasan ? `${p.atasan.fullName} (${p.atasan.nip})` : t('skp.plan.none')}</dd>
      </div>
      <div>
        <dt>{t('skp.plan.status')}</dt>
        <dd>
          <span className={p.status === 'agreed' ? 'badge badge--ok' : 'badge'}>{t(`skp.planStatus.${p.status}`)}</span>
        </dd>
      </div>
      {p.clarification ? (
        <div>
          <dt>{t('skp.plan.clarification')}</dt>
          <dd>{p.clarification}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function PlanDetail({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const reopen = useMutation({
    mutationFn: () => performanceApi.reopen(view.plan.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['skp'] }),
  });
  const p = view.plan;
  const draftPeriod = view.evaluations.find((e) => e.status === 'draft')?.period ?? null;
  const formPeriod = draftPeriod ?? view.nextPeriod;
  return (
    <>
      <PageTitle title={t('skp.plan.title', { year: p.year, name: p.employee.fullName })} lead={t('skp.plan.lead')}>
        {t('skp.plan.title', { year: p.year, name: p.employee.fullName })}
      </PageTitle>
      <section className="card" aria-labelledby="plan-facts">
        <h2 id="plan-facts">{p.employee.fullName}</h2>
        <PlanFacts plan={p} />
        {view.can.reopen ? (
          <button type="button" className="btn btn--ghost" onClick={() => reopen.mutate()}>
            {t('skp.plan.reopen')}
          </button>
        ) : null}
        {reopen.isError ? <ErrorAlert error={reopen.error} /> : null}
      </section>
      <section className="card" aria-labelledby="results">
        <h2 id="results">{t('skp.plan.results')}</h2>
        {view.results.length === 0 ? <p>{t('skp.plan.noResults')}</p> : null}
        {view.results.map((r) => (
          <article key={r.id} className="skp-result" aria-labelledby={`r-${r.id}`}>
            <h3 id={`r-${r.id}`}>{r.title}</h3>
            <p className="skp-meta">
              {t(`skp.perspective.${r.perspective}`)} · {r.isMain ? t('skp.result.main') : t('skp.result.additional')}
              {r.parentTitle && r.cascadeKind
                ? ` · ${t('skp.result.from', { kind: t(`skp.cascadeKind.${r.cascadeKind}`), title: r.parentTitle })}`
                : ''}
              {r.proposedBy === 'employee' ? ` · ${t('skp.result.proposedByEmployee')}` : ''}
            </p>
            <ul>
              {r.indicators.map((i) => (
                <li key={i.id}>
                  {i.description} — {t('skp.result.target')}: {i.target}
                  {i.unit ? ` ${i.unit}` : ''} ({t(`skp.result.kinds.${i.kind}`)})
                </li>
              ))}
            </ul>
            <Notes result={r} canAdd={view.can.addNote} />
          </article>
        ))}
        {view.can.addResult ? (
          <div className="skp-result">
            <ResultForm
              planId={p.id}
              heading={view.viewer === 'employee' ? t('skp.result.propose') : t('skp.result.add')}
            />
          </div>
        ) : null}
      </section>
      <Behaviours key={view.behaviours.map((b) => b.expectation).join('|')} view={view} />
      {view.can.agree ? <Agreement view={view} /> : null}
      <section className="card" aria-labelledby="evaluations">
        <h2 id="evaluations">{t('skp.evaluation.title')}</h2>
        <EvaluationsTable rows={view.evaluations} withStatus />
        {!formPeriod ? <p>{t('skp.evaluation.allDone')}</p> : null}
      </section>
      {view.can.evaluate && formPeriod ? (
        <EvaluationForm key={`${formPeriod}-${view.evaluations.length}`} view={view} period={formPeriod} />
      ) : null}
    </>
  );
}

function Plan() {
  const { id = '' } = useParams();
  const plan = useQuery({ queryKey: ['skp', 'plan', id], queryFn: () => performanceApi.plan(id), retry: false });
  return <QueryState query={plan}>{(data) => <PlanDetail view={data} />}</QueryState>;
}

export function SkpPlanPage() {
  return <RequireAuth>{() => <Plan />}</RequireAuth>;
}
