/**
 * /konsultasi/:id — one consultation: its sections with comments (masked names; a hidden comment
 * shows its public reason), the comment form per section while the window is open, the committee's
 * moderation, answers, window and final version, and the final text's diff against the draft.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  AnswerCommentBody,
  CommentBody,
  ConsultationFinalBody,
  ConsultationOpenBody,
  HideCommentBody,
} from '../../../../common/contracts/participation.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { OneTextForm } from '../../app/OneTextForm.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { useMe } from '../../features/identity/hooks.ts';
import { consultationApi, type ConsultationView } from '../../features/participation/api.ts';
import { BarChart } from '../../features/participation/BarChart.tsx';
import { witaField } from '../../app/wita-fields.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type Section = ConsultationView['sections'][number];

function useRefresh(id: string) {
  const qc = useQueryClient();
  return () =>
    void qc
      .invalidateQueries({ queryKey: ['prt', 'cons'] })
      .then(() => qc.invalidateQueries({ queryKey: ['prt', 'cons-view', id] }));
}

function CommentForm({ consultationId, section }: { consultationId: string; section: Section }) {
  const { t } = useTranslation();
  const refresh = useRefresh(consultationId);
  const label = t('prt.cons.commentOn', { heading: section.heading });
  return (
    <OneTextForm
      schema={CommentBody}
      name="body"
      label={label}
      ariaLabel={label}
      rows={3}
      maxLength={3000}
      submit={t('prt.cons.send')}
      buttonClass="btn btn--primary btn--small"
      send={(text) => consultationApi.comment(section.id, text)}
      onDone={refresh}
      clearOnDone
    />
  );
}

type Comment = Section['comments'][number];

function AnswerForm({ consultationId, comment }: { consultationId: string; comment: Comment }) {
  const { t } = useTranslation();
  const refresh = useRefresh(consultationId);
  const label = t('prt.cons.answerFor', { author: comment.author });
  return (
    <OneTextForm
      schema={AnswerCommentBody}
      name="answer"
      label={label}
      ariaLabel={label}
      maxLength={3000}
      submit={t('prt.cons.answer')}
      buttonClass="btn btn--secondary btn--small"
      send={(text) => consultationApi.answer(comment.id, text)}
      onDone={refresh}
    />
  );
}

function HideForm({ consultationId, comment }: { consultationId: string; comment: Comment }) {
  const { t } = useTranslation();
  const refresh = useRefresh(consultationId);
  return (
    <OneTextForm
      schema={HideCommentBody}
      name="reason"
      label={t('prt.cons.hideReason')}
      ariaLabel={t('prt.cons.hideFor', { author: comment.author })}
      maxLength={500}
      submit={t('prt.cons.hide')}
      buttonClass="btn btn--secondary btn--small"
      send={(text) => consultationApi.hide(comment.id, text)}
      onDone={refresh}
    />
  );
}

function Moderate({ consultationId, comment }: { consultationId: string; comment: Comment }) {
  return (
    <div className="prt-moderate">
      {comment.answer === null ? <AnswerForm consultationId={consultationId} comment={comment} /> : null}
      {comment.status === 'visible' ? <HideForm consultationId={consultationId} comment={comment} /> : null}
    </div>
  );
}

function Diff({ diff }: { diff: NonNullable<Section['diff']> }) {
  const { t } = useTranslation();
  return (
    <div className="prt-diff" role="group" aria-label={t('prt.cons.diff')}>
      {diff.map((d, i) =>
        d.op === 'same' ? (
          <p key={i}>{d.text}</p>
        ) : d.op === 'add' ? (
          <ins key={i}>
            <span className="sr-only">{t('prt.cons.added')}: </span>
            {d.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="sr-only">{t('prt.cons.removed')}: </span>
            {d.text}
          </del>
        ),
      )}
    </div>
  );
}

/** Closing the window before its end: asked once more, since it cannot be undone. */
function CloseWindow({ c }: { c: ConsultationView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const refresh = useRefresh(c.id);
  const [asking, setAsking] = useState(false);
  const close = useMutation({
    mutationFn: () => consultationApi.close(c.id),
    onSuccess: () => (setAsking(false), refresh()),
  });
  return (
    <section className="card" aria-labelledby="close-title">
      <h2 id="close-title">{t('prt.cons.closeTitle')}</h2>
      <p>{t('prt.cons.closeLead', { at: c.closesAt ? formatWitaDateTime(c.closesAt, lang) : '' })}</p>
      {asking ? (
        <div role="group" aria-labelledby="close-ask">
          <p id="close-ask">
            <strong>{t('prt.cons.closeAsk')}</strong>
          </p>
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={close.isPending}
              onClick={() => close.mutate()}
            >
              {t('prt.cons.closeConfirm')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => setAsking(false)}>
              {t('prt.cons.closeCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn--secondary" onClick={() => setAsking(true)}>
          {t('prt.cons.closeNow')}
        </button>
      )}
      {close.isError ? <ErrorAlert error={close.error} /> : null}
    </section>
  );
}

const OpenWindowForm = ConsultationOpenBody.extend({
  opensAt: witaField(ConsultationOpenBody.shape.opensAt),
  closesAt: witaField(ConsultationOpenBody.shape.closesAt),
});

function OpenWindow({ c }: { c: ConsultationView }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const form = useContractForm(OpenWindowForm, { opensAt: '', closesAt: '' });
  const open = useMutation({
    mutationFn: (v: z.infer<typeof OpenWindowForm>) => consultationApi.open(c.id, v.opensAt, v.closesAt),
    onSuccess: refresh,
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="open-title"
      onSubmit={form.handleSubmit((v) => open.mutate(v))}
    >
      <h2 id="open-title">{t('prt.cons.openTitle')}</h2>
      {(['opensAt', 'closesAt'] as const).map((k) => (
        <Controller
          key={k}
          control={form.control}
          name={k}
          render={({ field }) => (
            <DateTimeField
              label={t(`prt.cons.${k}`)}
              value={typeof field.value === 'string' ? field.value : ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={form.fieldError(k)}
            />
          )}
        />
      ))}
      <button type="submit" className="btn btn--primary" disabled={open.isPending}>
        {t('prt.cons.publish')}
      </button>
      {open.isError ? <ErrorAlert error={open.error} /> : null}
    </form>
  );
}

function FinalVersion({ c }: { c: ConsultationView }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const form = useContractForm(
    ConsultationFinalBody,
    { note: '', sections: c.sections.map((s) => ({ sectionId: s.id, body: s.draft, reason: '' })) },
    {
      serverFields: ['note', ...c.sections.flatMap((_, i) => [`sections.${i}.body`, `sections.${i}.reason`] as const)],
    },
  );
  const fin = useMutation({
    mutationFn: (v: z.infer<typeof ConsultationFinalBody>) => consultationApi.finalize(c.id, v),
    onSuccess: refresh,
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="final-title"
      onSubmit={form.handleSubmit((v) => fin.mutate(v))}
    >
      <h2 id="final-title">{t('prt.cons.finalTitle')}</h2>
      <p>{t('prt.cons.finalLead')}</p>
      {c.sections.map((s, i) => (
        <fieldset key={s.id} className="field">
          <legend>{s.heading}</legend>
          <TextAreaField
            label={t('prt.cons.finalText', { heading: s.heading })}
            rows={5}
            error={form.fieldError(`sections.${i}.body`)}
            {...form.register(`sections.${i}.body`)}
          />
          <TextField
            label={t('prt.cons.changeReason', { heading: s.heading })}
            maxLength={2000}
            error={form.fieldError(`sections.${i}.reason`)}
            {...form.register(`sections.${i}.reason`)}
          />
        </fieldset>
      ))}
      <TextField
        label={t('prt.cons.finalNote')}
        maxLength={3000}
        error={form.fieldError('note')}
        {...form.register('note')}
      />
      <button type="submit" className="btn btn--primary" disabled={fin.isPending}>
        {t('prt.cons.finalize')}
      </button>
      {fin.isError ? <ErrorAlert error={fin.error} /> : null}
    </form>
  );
}

function CommitteeSteps({ c }: { c: ConsultationView }) {
  if (c.state === 'draft') return <OpenWindow c={c} />;
  if (c.state === 'open') return <CloseWindow c={c} />;
  if (c.state !== 'closed') return null;
  return <FinalVersion c={c} />;
}

/** One section: its draft or the final text's diff and reason, its comments, moderation and the comment form. */
function SectionCard({ c, s, committee }: { c: ConsultationView; s: Section; committee: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby={`sec-${s.id}`}>
      <h2 id={`sec-${s.id}`}>
        {s.position}. {s.heading}
      </h2>
      {s.diff ? (
        <>
          <h3>{t('prt.cons.diff')}</h3>
          <Diff diff={s.diff} />
          {s.changeReason ? (
            <p className="small">
              <strong>{t('prt.cons.why')}:</strong> {s.changeReason}
            </p>
          ) : (
            <p className="small">{t('prt.cons.unchanged')}</p>
          )}
        </>
      ) : (
        <p className="prt-body">{s.draft}</p>
      )}
      <h3>{t('prt.cons.comments', { count: s.comments.length })}</h3>
      <ul className="prt-thread">
        {s.comments.map((x) => (
          <li key={x.id}>
            <strong>{x.author}</strong> · <span className="small muted">{formatWitaDateTime(x.createdAt, lang)}</span>
            {x.status === 'hidden' ? <p className="muted">{t('prt.cons.hidden', { reason: x.hiddenReason })}</p> : null}
            {x.body ? <p>{x.body}</p> : null}
            {x.answer ? (
              <p>
                <strong>{t('prt.cons.committeeAnswer')}:</strong> {x.answer}
              </p>
            ) : null}
            {committee ? <Moderate consultationId={c.id} comment={x} /> : null}
          </li>
        ))}
      </ul>
      {c.canComment ? <CommentForm consultationId={c.id} section={s} /> : null}
    </section>
  );
}

export function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { id } = useParams();
  const me = useMe();
  // The coordinators run a consultation, as they run forums.
  const committee = me.data?.role === 'committee' || me.data?.role === 'admin';
  const view = useQuery({
    queryKey: ['prt', 'cons-view', id, me.data?.role ?? null],
    queryFn: () => consultationApi.view(id!),
  });
  return (
    <QueryState query={view}>
      {(c) => (
        <>
          <PageTitle title={c.title} lead={c.summary}>
            {c.title}
          </PageTitle>
          <ParticipationLinks />
          <p>
            <span className="badge">{t(`prt.cons.states.${c.state}`)}</span>
            {c.opensAt && c.closesAt
              ? ` · ${t('prt.cons.window', { from: formatWitaDateTime(c.opensAt, lang), to: formatWitaDateTime(c.closesAt, lang) })}`
              : ''}
          </p>
          <p className="small">
            <strong>{t('prt.cons.rules')}:</strong> {c.moderationRules}
          </p>
          {c.state === 'open' && !me.data ? (
            <Alert tone="info">
              <Link to={`/masuk?next=${encodeURIComponent(`/konsultasi/${c.id}`)}`}>
                {t('prt.cons.signInToComment')}
              </Link>{' '}
              <Link to="/daftar-warga">{t('prt.cons.signUpToComment')}</Link>
            </Alert>
          ) : null}
          {c.closedEarlyAt ? (
            <p className="small">{t('prt.cons.closedEarly', { at: formatWitaDateTime(c.closedEarlyAt, lang) })}</p>
          ) : null}
          {c.finalizedAt ? (
            <p className="small">{t('prt.cons.finalFor', { at: formatWitaDateTime(c.finalizedAt, lang) })}</p>
          ) : null}
          {c.finalNote ? (
            <Alert tone="success">
              <strong>{t('prt.cons.finalNote')}:</strong> {c.finalNote}
            </Alert>
          ) : null}
          {c.statistics.comments > 0 ? (
            <section className="card" aria-labelledby="cons-stats">
              <h2 id="cons-stats">
                {t('prt.cons.stats', {
                  comments: c.statistics.comments,
                  commenters: c.statistics.commenters,
                  hidden: c.statistics.hidden,
                  answered: c.statistics.answered,
                })}
              </h2>
              <BarChart
                caption={t('prt.cons.statsChart')}
                max={Math.max(...c.statistics.perSection.map((s) => s.comments), 1)}
                bars={c.statistics.perSection.map((s) => ({
                  key: s.sectionId,
                  label: s.heading,
                  value: s.comments,
                  text: String(s.comments),
                }))}
              />
            </section>
          ) : null}
          {c.sections.map((s) => (
            <SectionCard key={s.id} c={c} s={s} committee={committee} />
          ))}
          {committee ? <CommitteeSteps c={c} /> : null}
        </>
      )}
    </QueryState>
  );
}
