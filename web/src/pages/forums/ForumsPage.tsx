/** /forum — public forums: the schedule with seats left, and the archive with minutes and follow-up progress; BKPSDM and the committee schedule new ones. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { ForumBody } from '../../../../common/contracts/participation.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { useMe } from '../../features/identity/hooks.ts';
import { forumApi } from '../../features/participation/api.ts';
import { witaField } from '../../app/wita-fields.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const NewForumForm = ForumBody.extend({ heldAt: witaField(ForumBody.shape.heldAt) });

function NewForum() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(NewForumForm, {
    title: '',
    topic: '',
    agenda: '',
    heldAt: '',
    venue: '',
    mode: 'tatap_muka',
    capacity: 50,
  });
  const create = useMutation({
    mutationFn: (v: z.infer<typeof NewForumForm>) => forumApi.create(v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'forums'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="new-forum"
      onSubmit={form.handleSubmit((v) => create.mutate(v))}
    >
      <h2 id="new-forum">{t('prt.forum.new')}</h2>
      <TextField
        label={t('prt.forum.title')}
        maxLength={200}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      <TextField
        label={t('prt.forum.topic')}
        maxLength={500}
        error={form.fieldError('topic')}
        {...form.register('topic')}
      />
      <TextAreaField
        label={t('prt.forum.agenda')}
        rows={4}
        error={form.fieldError('agenda')}
        {...form.register('agenda')}
      />
      <div className="prt-form-grid">
        <Controller
          control={form.control}
          name="heldAt"
          render={({ field }) => (
            <DateTimeField
              label={t('prt.forum.heldAt')}
              value={typeof field.value === 'string' ? field.value : ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={form.fieldError('heldAt')}
            />
          )}
        />
        <TextField
          label={t('prt.forum.venue')}
          maxLength={300}
          error={form.fieldError('venue')}
          {...form.register('venue')}
        />
        <SelectField label={t('prt.forum.mode')} error={form.fieldError('mode')} {...form.register('mode')}>
          {ForumBody.shape.mode.options.map((m) => (
            <option key={m} value={m}>
              {t(`prt.forum.modes.${m}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('prt.forum.capacity')}
          type="number"
          inputMode="numeric"
          min={1}
          error={form.fieldError('capacity')}
          {...form.register('capacity', { valueAsNumber: true })}
        />
      </div>
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>
        {t('prt.forum.create')}
      </button>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}

export function ForumsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const me = useMe();
  const list = useQuery({ queryKey: ['prt', 'forums'], queryFn: forumApi.list });
  return (
    <>
      <PageTitle title={t('prt.forum.listTitle')} lead={t('prt.forum.listLead')}>
        {t('prt.forum.listTitle')}
      </PageTitle>
      <ParticipationLinks />
      <QueryState query={list} isEmpty={(d) => d.forums.length === 0} empty={t('prt.forum.none')}>
        {(d) => (
          <ul className="rec-cards">
            {d.forums.map((f) => (
              <li key={f.id}>
                <article className="card" aria-labelledby={`forum-${f.id}`}>
                  <h2 id={`forum-${f.id}`}>
                    <Link to={`/forum/${f.id}`}>{f.title}</Link>
                  </h2>
                  <p className="small">
                    {formatWitaDateTime(f.heldAt, lang)} · {f.venue} ·{' '}
                    <span className="badge">{t(`prt.forum.states.${f.status}`)}</span>
                  </p>
                  <p className="small">
                    {f.status === 'scheduled'
                      ? t('prt.forum.seats', { left: f.seatsLeft, capacity: f.capacity })
                      : t('prt.forum.progress', { done: f.actions.done, total: f.actions.total, late: f.actions.late })}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {me.data?.role === 'committee' || me.data?.role === 'admin' ? <NewForum /> : null}
    </>
  );
}
