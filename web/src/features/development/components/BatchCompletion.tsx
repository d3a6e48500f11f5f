/**
 * The completion parts of a batch page: meetings (with the facilitator's QR screen), attendance per
 * meeting and participant (marked by hand, exported as XLSX), test scores with the gain and what
 * each participant still misses, certificates (bulk issue, check link, revoke) and the feedback
 * results as a chart with the same numbers in a table.
 */
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { MeetingBody, RevokeBody } from '../../../../../common/contracts/development.ts';
import { formatWitaDateTime } from '../../../../../common/rules/wita.ts';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { QueryState } from '../../../app/QueryState.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { DateTimeField } from '../../../ui/DateFields.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { TableWrap } from '../../../ui/TableWrap.tsx';
import type { BatchView } from '../api.ts';
import { type Certificate, completionApi, type FeedbackReport } from '../completion-api.ts';
import '../i18n-completion.ts';
import { withWitaTimes } from '../../../app/wita-fields.ts';
import { useBatchTests } from './TrainingTests.tsx';
import '../i18n.ts';
import '../i18n-tests.ts';

type Lang = 'id' | 'en';
const useLang = (): Lang => (useTranslation().i18n.language === 'en' ? 'en' : 'id');
const refresh = (qc: ReturnType<typeof useQueryClient>) => void qc.invalidateQueries({ queryKey: ['dev'] });

const MeetingFormSchema = withWitaTimes(MeetingBody, ['startsAt', 'endsAt']);

/** The training admin adds a meeting: a name and its WITA start and end, checked as the contract's body. */
function MeetingForm({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(MeetingFormSchema, { title: '', startsAt: '', endsAt: '' });
  const add = useMutation({
    mutationFn: (body: z.output<typeof MeetingBody>) => completionApi.addMeeting(batchId, body),
    onSuccess: () => {
      form.reset();
      refresh(qc);
    },
    onError: (e) => form.showServerErrors(e),
  });
  const err = add.error instanceof ApiError ? add.error : null;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('devc.meetings.add')}
      onSubmit={form.handleSubmit((body) => add.mutate(body))}
    >
      <h3>{t('devc.meetings.add')}</h3>
      <TextField
        label={t('devc.meetings.name')}
        maxLength={160}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      {(['startsAt', 'endsAt'] as const).map((name) => (
        <Controller
          key={name}
          control={form.control}
          name={name}
          render={({ field }) => (
            <DateTimeField
              label={t(`devc.meetings.${name}`)}
              value={field.value}
              onChange={field.onChange}
              error={form.fieldError(name)}
            />
          )}
        />
      ))}
      <div className="actions">
        <button type="submit" className="btn btn--secondary" disabled={add.isPending}>
          {t('devc.meetings.save')}
        </button>
      </div>
      {add.isSuccess ? <Alert tone="success">{t('devc.meetings.saved')}</Alert> : null}
      {add.isError && !err?.fields.length ? <ErrorAlert error={add.error} /> : null}
    </form>
  );
}

export function Meetings({ batchId, isAdmin }: { batchId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery({ queryKey: ['dev', 'meetings', batchId], queryFn: () => completionApi.meetings(batchId) });
  return (
    <section className="card" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('devc.meetings.title')}</h2>
      <QueryState query={list} isEmpty={(d) => d.meetings.length === 0} empty={t('devc.meetings.none')}>
        {(d) => (
          <ul className="plain">
            {d.meetings.map((m) => (
              <li key={m.id}>
                <strong>{t('devc.meetings.label', { seq: m.seq })}</strong>: {m.title} ·{' '}
                {formatWitaDateTime(m.startsAt, lang)} – {formatWitaDateTime(m.endsAt, lang)}
                {isAdmin ? (
                  <>
                    {' '}
                    · <Link to={`/pelatihan/pertemuan/${m.id}`}>{t('devc.meetings.showQr', { seq: m.seq })}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {isAdmin ? <MeetingForm batchId={batchId} /> : null}
    </section>
  );
}

export function Attendance({ batchId, isAdmin, canExport }: { batchId: string; isAdmin: boolean; canExport: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const report = useQuery({
    queryKey: ['dev', 'attendance', batchId],
    queryFn: () => completionApi.attendance(batchId),
  });
  const mark = useMutation({
    mutationFn: (x: { meetingId: string; enrollmentId: string; present: boolean }) =>
      completionApi.mark(x.meetingId, x.enrollmentId, x.present),
    onSuccess: () => refresh(qc),
  });
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('devc.attendance.title')}</h2>
      <QueryState
        query={report}
        isEmpty={(d) => d.meetings.length === 0 || d.participants.length === 0}
        empty={t('devc.attendance.none')}
      >
        {(d) => (
          <>
            <p className="small">
              {d.minAttendancePct > 0
                ? t('devc.attendance.rule', { pct: d.minAttendancePct })
                : t('devc.attendance.noRule')}
            </p>
            {mark.isError ? <ErrorAlert error={mark.error} /> : null}
            <TableWrap label={t('devc.attendance.table')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dev.list.name')}</th>
                    {d.meetings.map((m) => (
                      <th key={m.id} scope="col" className="num">
                        {t('devc.meetings.label', { seq: m.seq })}
                        <br />
                        <span className="small muted">{t('devc.attendance.present', { count: m.present })}</span>
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('devc.attendance.percent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.participants.map((p) => (
                    <tr key={p.enrollmentId}>
                      <td>{p.fullName}</td>
                      {p.marks.map((k, i) => {
                        const seq = d.meetings[i]!.seq;
                        const label = t('devc.attendance.markFor', { name: p.fullName, seq });
                        return (
                          <td key={k.meetingId} className="num">
                            {isAdmin ? (
                              <input
                                type="checkbox"
                                checked={k.method !== null}
                                disabled={mark.isPending}
                                aria-label={label}
                                onChange={(e) =>
                                  mark.mutate({
                                    meetingId: k.meetingId,
                                    enrollmentId: p.enrollmentId,
                                    present: e.target.checked,
                                  })
                                }
                              />
                            ) : null}{' '}
                            {k.method ? (
                              <span className="small" title={k.at ? formatWitaDateTime(k.at, lang) : undefined}>
                                {t(`devc.attendance.methods.${k.method}`)}
                              </span>
                            ) : (
                              <span className="small muted">{isAdmin ? '' : '—'}</span>
                            )}
                          </td>
                        );
                      })}
                      <td className="num">{p.percent === null ? '—' : `${p.percent} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {canExport ? (
              <p>
                <a href={completionApi.attendanceXlsx(batchId)} download>
                  {t('devc.attendance.export')}
                </a>
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

type Row = BatchView['enrollments'][number];

/** A score the CAT engine wrote: shown, never typed over. */
function EngineScore({ score, engine }: { score: number | null; engine: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {score ?? '—'}
      {engine ? <span className="badge small"> {t('devt.batch.engine')}</span> : null}
    </>
  );
}

function ScoreRow({ e, isAdmin, engine }: { e: Row; isAdmin: boolean; engine: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [pre, setPre] = useState(e.progress.preTest === null ? '' : String(e.progress.preTest));
  const [post, setPost] = useState(e.progress.postTest === null ? '' : String(e.progress.postTest));
  const [done, setDone] = useState(e.progress.assignmentDone);
  const save = useMutation({
    mutationFn: () =>
      completionApi.setScores(e.id, {
        preTest: pre === '' ? null : Number(pre),
        postTest: post === '' ? null : Number(post),
        assignmentDone: done,
      }),
    onSuccess: () => refresh(qc),
  });
  const gain = e.progress.gain;
  return (
    <tr>
      <td>{e.fullName}</td>
      <td className="num">{e.progress.attendancePct === null ? '—' : `${e.progress.attendancePct} %`}</td>
      <td className="num">
        {isAdmin && !engine.has('pre') ? (
          <input
            className="dev-score"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={pre}
            aria-label={t('devc.scores.preFor', { name: e.fullName })}
            onChange={(x) => setPre(x.target.value)}
          />
        ) : (
          <EngineScore score={e.progress.preTest} engine={engine.has('pre')} />
        )}
      </td>
      <td className="num">
        {isAdmin && !engine.has('post') ? (
          <input
            className="dev-score"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={post}
            aria-label={t('devc.scores.postFor', { name: e.fullName })}
            onChange={(x) => setPost(x.target.value)}
          />
        ) : (
          <EngineScore score={e.progress.postTest} engine={engine.has('post')} />
        )}
      </td>
      <td className="num">{gain === null ? '—' : gain > 0 ? `+${gain}` : String(gain)}</td>
      <td>
        {isAdmin ? (
          <input
            type="checkbox"
            checked={done}
            aria-label={t('devc.scores.assignmentFor', { name: e.fullName })}
            onChange={(x) => setDone(x.target.checked)}
          />
        ) : e.progress.assignmentDone ? (
          t('devc.scores.yes')
        ) : (
          t('devc.scores.no')
        )}
      </td>
      <td>
        {e.status === 'completed' ? (
          <span className="badge badge--ok">{t('dev.batch.states.completed')}</span>
        ) : e.progress.problems.length === 0 ? (
          <span className="badge badge--ok">{t('devc.scores.meets')}</span>
        ) : (
          <span className="small">{e.progress.problems.map((p) => p[lang]).join(' ')}</span>
        )}
      </td>
      {isAdmin ? (
        <td>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={save.isPending}
            onClick={() => save.mutate()}
            aria-label={t('devc.scores.saveFor', { name: e.fullName })}
          >
            {t('devc.scores.save')}
          </button>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          {save.isSuccess ? <span className="small"> {t('devc.scores.saved')}</span> : null}
        </td>
      ) : null}
    </tr>
  );
}

export function Scores({ view, isAdmin }: { view: BatchView; isAdmin: boolean }) {
  const { t } = useTranslation();
  const seated = view.enrollments.filter(
    (e) => e.status === 'enrolled' || e.status === 'completed' || e.status === 'not_completed',
  );
  const rule = view.program.completion;
  const tests = useBatchTests(view.batch.id, isAdmin);
  const engine = new Set((tests.data?.tests ?? []).map((x) => x.phase));
  const parts = [
    rule.minAttendancePct > 0 ? t('devc.scores.ruleAttendance', { pct: rule.minAttendancePct }) : null,
    rule.postTestPass !== null ? t('devc.scores.rulePost', { score: rule.postTestPass }) : null,
    rule.assignmentRequired ? t('devc.scores.ruleAssignment') : null,
  ].filter(Boolean);
  return (
    <section className="card" aria-labelledby="scores-title">
      <h2 id="scores-title">{t('devc.scores.title')}</h2>
      <p>{parts.length > 0 ? t('devc.scores.rule', { parts: parts.join('; ') }) : t('devc.scores.noRule')}</p>
      {view.gain.count > 0 ? (
        <p>
          {t('devc.scores.batchGain', {
            count: view.gain.count,
            pre: view.gain.pre,
            post: view.gain.post,
            gain: view.gain.gain,
          })}
        </p>
      ) : null}
      {seated.length === 0 ? (
        <p>{t('dev.batch.none')}</p>
      ) : (
        <TableWrap label={t('devc.scores.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dev.list.name')}</th>
                <th scope="col" className="num">
                  {t('devc.scores.attendance')}
                </th>
                <th scope="col" className="num">
                  {t('devc.scores.pre')}
                </th>
                <th scope="col" className="num">
                  {t('devc.scores.post')}
                </th>
                <th scope="col" className="num">
                  {t('devc.scores.gain')}
                </th>
                <th scope="col">{t('devc.scores.assignment')}</th>
                <th scope="col">{t('devc.scores.state')}</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="sr-only">{t('devc.scores.save')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {seated.map((e) => (
                <ScoreRow
                  key={`${e.id}:${e.progress.preTest}:${e.progress.postTest}:${e.progress.assignmentDone}:${[...engine].join()}`}
                  e={e}
                  isAdmin={isAdmin}
                  engine={engine}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/** A certificate's public check, its PDF while valid, and BKPSDM's revoke button (or why it was revoked). */
function CertificateLinks({
  c,
  isAdmin,
  onRevoke,
}: {
  c: Certificate;
  isAdmin: boolean;
  onRevoke: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a href={c.verifyUrl} aria-label={t('devc.certs.checkFor', { name: c.fullName })}>
        {t('devc.certs.check')}
      </a>
      {!c.revoked ? (
        <>
          {' · '}
          <a href={completionApi.pdfUrl(c.id)} download aria-label={t('devc.certs.pdfFor', { name: c.fullName })}>
            PDF
          </a>
          {isAdmin ? (
            <>
              {' · '}
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => onRevoke(c.id)}
                aria-label={t('devc.certs.revokeFor', { name: c.fullName })}
              >
                {t('devc.certs.revoke')}
              </button>
            </>
          ) : null}
        </>
      ) : (
        <span className="small"> — {c.revoked.reason}</span>
      )}
    </>
  );
}

/** Why a certificate is revoked (the holder and the public check show it), checked as the contract's body. */
function RevokeForm({ revoke, onCancel }: { revoke: UseMutationResult<unknown, Error, string>; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(RevokeBody, { reason: '' });
  const err = revoke.error instanceof ApiError ? revoke.error : null;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('devc.certs.revokeTitle')}
      onSubmit={form.handleSubmit((b) => revoke.mutate(b.reason, { onError: (e) => form.showServerErrors(e) }))}
    >
      <TextField
        label={t('devc.certs.reason')}
        hint={t('devc.certs.reasonHint')}
        maxLength={500}
        error={form.fieldError('reason')}
        {...form.register('reason')}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={revoke.isPending}>
          {t('devc.certs.revokeConfirm')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('devc.certs.cancel')}
        </button>
      </div>
      {revoke.isError && !err?.fields.length ? <ErrorAlert error={revoke.error} /> : null}
    </form>
  );
}

export function Certificates({ view, isAdmin }: { view: BatchView; isAdmin: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const batchId = view.batch.id;
  const list = useQuery({
    queryKey: ['dev', 'certificates', batchId],
    queryFn: () => completionApi.certificates(batchId),
  });
  const certified = new Set((list.data?.certificates ?? []).map((c) => c.enrollmentId));
  const ready = view.enrollments.filter(
    (e) =>
      !certified.has(e.id) &&
      (e.status === 'completed' || (e.status === 'enrolled' && e.progress.problems.length === 0)),
  );
  const issue = useMutation({
    mutationFn: (ids: string[]) => completionApi.issue(batchId, ids),
    onSuccess: () => refresh(qc),
  });
  const [revoking, setRevoking] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (reason: string) => completionApi.revoke(revoking!, reason),
    onSuccess: () => {
      setRevoking(null);
      refresh(qc);
    },
  });
  return (
    <section className="card" aria-labelledby="certs-title">
      <h2 id="certs-title">{t('devc.certs.title')}</h2>
      {isAdmin ? (
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={issue.isPending || ready.length === 0}
            onClick={() => issue.mutate(ready.map((e) => e.id))}
          >
            {t('devc.certs.issueReady', { count: ready.length })}
          </button>
        </div>
      ) : null}
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      {issue.isSuccess ? (
        <Alert tone="success">{t('devc.certs.issued', { count: issue.data.issued.length })}</Alert>
      ) : null}
      {revoke.isSuccess ? <Alert tone="success">{t('devc.certs.revokedDone')}</Alert> : null}
      <QueryState query={list} isEmpty={(d) => d.certificates.length === 0} empty={t('devc.certs.none')}>
        {(d) => (
          <DataTable
            label={t('devc.certs.table')}
            rows={d.certificates}
            rowKey={(c) => c.id}
            columns={[
              { key: 'number', header: t('devc.certs.number'), cell: (c) => <span className="mono">{c.number}</span> },
              { key: 'name', header: t('dev.list.name'), cell: (c) => c.fullName },
              { key: 'issued', header: t('devc.certs.issuedAt'), cell: (c) => formatWitaDateTime(c.issuedAt, lang) },
              {
                key: 'state',
                header: t('dev.batch.state'),
                cell: (c) =>
                  c.revoked ? (
                    <span className="badge badge--muted">{t('devc.certs.revoked')}</span>
                  ) : (
                    <span className="badge badge--ok">{t('devc.certs.valid')}</span>
                  ),
              },
              {
                key: 'links',
                header: <span className="sr-only">{t('devc.certs.links')}</span>,
                cell: (c) => <CertificateLinks c={c} isAdmin={isAdmin} onRevoke={setRevoking} />,
              },
            ]}
          />
        )}
      </QueryState>
      {revoking ? <RevokeForm revoke={revoke} onCancel={() => setRevoking(null)} /> : null}
    </section>
  );
}

function FeedbackChart({ report }: { report: FeedbackReport }) {
  const { t } = useTranslation();
  const rowH = 30;
  const labelW = 170;
  const width = 560;
  const barW = width - labelW - 50;
  return (
    <figure className="dev-chart">
      <svg
        viewBox={`0 0 ${width} ${report.aspects.length * rowH + 8}`}
        role="img"
        aria-label={t('devc.feedback.chart')}
        className="dev-chart-svg"
      >
        {report.aspects.map((a, i) => {
          const y = i * rowH + 4;
          const mean = a.mean ?? 0;
          return (
            <g key={a.aspect}>
              <text x={labelW - 8} y={y + 17} textAnchor="end" className="dev-chart-label">
                {t(`devc.feedback.aspects.${a.aspect}`)}
              </text>
              <rect x={labelW} y={y + 4} width={barW} height={rowH - 10} className="dev-chart-track" />
              <rect
                x={labelW}
                y={y + 4}
                width={Math.max(1, (barW * mean) / 5)}
                height={rowH - 10}
                className={mean >= 4 ? 'dev-chart-bar dev-chart-bar--met' : 'dev-chart-bar'}
              />
              <text x={labelW + barW + 6} y={y + 17} className="dev-chart-label">
                {a.mean === null ? '—' : a.mean.toFixed(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{t('devc.feedback.chart')}</figcaption>
    </figure>
  );
}

export function FeedbackResults({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const report = useQuery({ queryKey: ['dev', 'feedback', batchId], queryFn: () => completionApi.feedback(batchId) });
  return (
    <section className="card" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('devc.feedback.title', { count: report.data?.responses ?? 0 })}</h2>
      <QueryState query={report} isEmpty={(d) => d.responses === 0} empty={t('devc.feedback.none')}>
        {(d) => (
          <>
            <FeedbackChart report={d} />
            <DataTable
              label={t('devc.feedback.table')}
              rows={d.aspects}
              rowKey={(a) => a.aspect}
              columns={[
                {
                  key: 'aspect',
                  header: t('devc.feedback.aspect'),
                  cell: (a) => t(`devc.feedback.aspects.${a.aspect}`),
                },
                {
                  key: 'mean',
                  header: t('devc.feedback.mean'),
                  className: 'num',
                  cell: (a) => (a.mean === null ? '—' : a.mean.toFixed(2)),
                },
                ...[1, 2, 3, 4, 5].map((n) => ({
                  key: `n${n}`,
                  header: t('devc.feedback.score', { n }),
                  className: 'num',
                  cell: (a: FeedbackReport['aspects'][number]) => a.counts[n - 1],
                })),
              ]}
            />
            {d.comments.length > 0 ? (
              <>
                <h3>{t('devc.feedback.comments')}</h3>
                <ul>
                  {d.comments.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** Feedback per partner institution over all its batches: the mean of the four aspects as bars, each aspect in the table. */
export function PartnerFeedback() {
  const { t } = useTranslation();
  const report = useQuery({ queryKey: ['dev', 'feedback-partners'], queryFn: completionApi.feedbackByPartner });
  const overall = (a: FeedbackReport['aspects']) => {
    const means = a.map((x) => x.mean).filter((x): x is number => x !== null);
    return means.length === 0 ? 0 : Math.round((means.reduce((s, x) => s + x, 0) / means.length) * 100) / 100;
  };
  return (
    <section className="card" aria-labelledby="partner-feedback">
      <h2 id="partner-feedback">{t('devc.feedback.byPartner')}</h2>
      <QueryState query={report} isEmpty={(d) => d.partners.length === 0} empty={t('devc.feedback.none')}>
        {(d) => {
          const rowH = 30;
          const labelW = 250;
          const width = 620;
          const barW = width - labelW - 50;
          const name = (p: (typeof d.partners)[number]) => p.partner?.name ?? t('dev.training.noPartner');
          return (
            <>
              <figure className="dev-chart">
                <svg
                  viewBox={`0 0 ${width} ${d.partners.length * rowH + 8}`}
                  role="img"
                  aria-label={t('devc.feedback.partnerChart')}
                  className="dev-chart-svg"
                >
                  {d.partners.map((p, i) => {
                    const y = i * rowH + 4;
                    const m = overall(p.aspects);
                    return (
                      <g key={p.partner?.id ?? 'bkpsdm'}>
                        <text x={labelW - 8} y={y + 17} textAnchor="end" className="dev-chart-label">
                          {name(p)}
                        </text>
                        <rect x={labelW} y={y + 4} width={barW} height={rowH - 10} className="dev-chart-track" />
                        <rect
                          x={labelW}
                          y={y + 4}
                          width={Math.max(1, (barW * m) / 5)}
                          height={rowH - 10}
                          className={m >= 4 ? 'dev-chart-bar dev-chart-bar--met' : 'dev-chart-bar'}
                        />
                        <text x={labelW + barW + 6} y={y + 17} className="dev-chart-label">
                          {m.toFixed(2)}
                        </text>
                      </g>
                    );
                  })}
                </svg>
                <figcaption className="small muted">{t('devc.feedback.partnerChart')}</figcaption>
              </figure>
              <DataTable
                label={t('devc.feedback.partnerTable')}
                rows={d.partners}
                rowKey={(p) => p.partner?.id ?? 'bkpsdm'}
                columns={[
                  { key: 'name', header: t('dev.training.partner'), cell: name },
                  { key: 'batches', header: t('dev.training.batches'), className: 'num', cell: (p) => p.batches },
                  {
                    key: 'responses',
                    header: t('devc.feedback.responses'),
                    className: 'num',
                    cell: (p) => p.responses,
                  },
                  ...(['facilitator', 'material', 'venue', 'usefulness'] as const).map((aspect, i) => ({
                    key: aspect,
                    header: t(`devc.feedback.aspects.${aspect}`),
                    className: 'num',
                    cell: (p: (typeof d.partners)[number]) => p.aspects[i]?.mean?.toFixed(2) ?? '—',
                  })),
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
