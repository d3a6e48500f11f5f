/** /forum/:id — one forum: agenda, registration while seats remain, then the minutes and follow-up actions tracked to done. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { z } from 'zod';
import { ForumActionDoneBody, ForumMinutesBody } from '../../../../common/contracts/participation.ts';
import { formatCalendarDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { useMe } from '../../features/identity/hooks.ts';
import { type ForumAction, forumApi } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { DateField } from '../../ui/DateFields.tsx';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Done({ a, forumId }: { a: ForumAction; forumId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(ForumActionDoneBody, { note: '' });
  const done = useMutation({
    mutationFn: (v: z.infer<typeof ForumActionDoneBody>) => forumApi.done(a.id, v.note),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'forum', forumId] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-label={t('prt.forum.doneFor', { action: a.description })}
      onSubmit={form.handleSubmit((v) => done.mutate(v))}
    >
      <TextField
        label={t('prt.forum.doneFor', { action: a.description })}
        maxLength={2000}
        error={form.fieldError('note')}
        {...form.register('note')}
      />
      <button type="submit" className="btn btn--secondary btn--small" disabled={done.isPending}>
        {t('prt.forum.markDone')}
      </button>
      {done.isError ? <ErrorAlert error={done.error} /> : null}
    </form>
  );
}

const ActionRow = ForumMinutesBody.shape.actions.element;
/** The minutes; an action row left without a description is not sent (the others are checked in place). */
const MinutesForm = ForumMinutesBody.extend({
  actions: z
    .array(
      z
        .object({ description: z.string(), owner: z.string(), dueOn: z.string() })
        .transform((r) => (r.description.trim() === '' ? null : { ...r, dueOn: r.dueOn.trim() || undefined }))
        .pipe(ActionRow.nullable()),
    )
    .transform((rows) => rows.filter((r) => r !== null))
    .pipe(ForumMinutesBody.shape.actions),
});

function Minutes({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const blank = { description: '', owner: '', dueOn: '' };
  const form = useContractForm(
    MinutesForm,
    { minutes: '', actions: [blank] },
    { serverFields: ['minutes', 'actions'] },
  );
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const send = useMutation({
    mutationFn: (v: z.infer<typeof MinutesForm>) => forumApi.minutes(forumId, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'forum', forumId] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="minutes-title"
      onSubmit={form.handleSubmit((v) => send.mutate(v))}
    >
      <h2 id="minutes-title">{t('prt.forum.minutesTitle')}</h2>
      <TextAreaField
        label={t('prt.forum.minutes')}
        rows={6}
        error={form.fieldError('minutes')}
        {...form.register('minutes')}
      />
      {actions.fields.map((a, i) => (
        <fieldset key={a.id} className="field">
          <legend>{t('prt.forum.action', { n: i + 1 })}</legend>
          <div className="prt-form-grid">
            <TextField
              label={t('prt.forum.actionText', { n: i + 1 })}
              error={form.fieldError(`actions.${i}.description`)}
              {...form.register(`actions.${i}.description`)}
            />
            <TextField
              label={t('prt.forum.owner', { n: i + 1 })}
              error={form.fieldError(`actions.${i}.owner`)}
              {...form.register(`actions.${i}.owner`)}
            />
            <Controller
              control={form.control}
              name={`actions.${i}.dueOn`}
              render={({ field }) => (
                <DateField
                  label={t('prt.forum.dueOn', { n: i + 1 })}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={form.fieldError(`actions.${i}.dueOn`)}
                />
              )}
            />
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="btn btn--secondary" onClick={() => actions.append(blank)}>
          {t('prt.forum.addAction')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={send.isPending}>
          {t('prt.forum.publish')}
        </button>
      </div>
      {send.isError ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

export function ForumPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { id } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const organiser = me.data?.role === 'committee' || me.data?.role === 'admin';
  const view = useQuery({ queryKey: ['prt', 'forum', id, me.data?.role ?? null], queryFn: () => forumApi.view(id!) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['prt', 'forum', id] });
  const register = useMutation({ mutationFn: () => forumApi.register(id!), onSuccess: refresh });
  const unregister = useMutation({ mutationFn: () => forumApi.unregister(id!), onSuccess: refresh });
  return (
    <QueryState query={view}>
      {(f) => (
        <>
          <PageTitle title={f.title} lead={f.topic}>
            {f.title}
          </PageTitle>
          <ParticipationLinks />
          <section className="card" aria-labelledby="forum-facts">
            <h2 id="forum-facts">
              {formatWitaDateTime(f.heldAt, lang)} · {f.venue}
            </h2>
            <p>
              <span className="badge">{t(`prt.forum.states.${f.status}`)}</span> · {t(`prt.forum.modes.${f.mode}`)} ·{' '}
              {t('prt.forum.seats', { left: f.seatsLeft, capacity: f.capacity })}
            </p>
            <h3>{t('prt.forum.agenda')}</h3>
            <p className="prt-body">{f.agenda}</p>
            {f.status === 'scheduled' && me.data ? (
              f.registeredMe ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={() => unregister.mutate()}
                  disabled={unregister.isPending}
                >
                  {t('prt.forum.unregister')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => register.mutate()}
                  disabled={register.isPending || f.seatsLeft === 0}
                >
                  {t('prt.forum.register')}
                </button>
              )
            ) : null}
            {f.status === 'scheduled' && !me.data ? (
              <>
                <Link to={`/masuk?next=${encodeURIComponent(`/forum/${f.id}`)}`}>{t('prt.forum.signIn')}</Link>{' '}
                <Link to="/daftar-warga">{t('prt.cons.signUpToComment')}</Link>
              </>
            ) : null}
            {f.registeredMe ? <p className="small">{t('prt.forum.youAreIn')}</p> : null}
            {register.isError ? <ErrorAlert error={register.error} /> : null}
          </section>
          {f.minutes ? (
            <section className="card" aria-labelledby="forum-minutes-title">
              <h2 id="forum-minutes-title">{t('prt.forum.minutes')}</h2>
              <p className="prt-body">{f.minutes}</p>
              <h3>{t('prt.forum.actions')}</h3>
              <ul className="prt-thread">
                {f.actions.map((a) => (
                  <li key={a.id}>
                    <strong>{a.description}</strong> · {a.owner} ·{' '}
                    {t('prt.forum.due', { date: formatCalendarDate(a.dueOn, lang) })} ·{' '}
                    <span className="badge">{t(`prt.forum.actionStates.${a.status}`)}</span>
                    {a.late ? <span className="prt-late"> · {t('prt.obs.late')}</span> : null}
                    {a.doneNote ? <p>{a.doneNote}</p> : null}
                    {organiser && a.status === 'open' ? <Done a={a} forumId={f.id} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {organiser && f.status === 'scheduled' && new Date(f.heldAt).getTime() <= Date.now() ? (
            <Minutes forumId={f.id} />
          ) : null}
        </>
      )}
    </QueryState>
  );
}
