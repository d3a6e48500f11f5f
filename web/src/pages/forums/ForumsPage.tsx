/** /forum — public forums: the schedule with seats left, and the archive with minutes and follow-up progress; BKPSDM and the committee schedule new ones. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useMe } from '../../features/identity/hooks.ts';
import { type Forum, forumApi } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function NewForum() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({
    title: '',
    topic: '',
    agenda: '',
    heldAt: '',
    venue: '',
    mode: 'tatap_muka' as Forum['mode'],
    capacity: 50,
  });
  const create = useMutation({
    mutationFn: () => forumApi.create({ ...v, heldAt: new Date(`${v.heldAt}:00+08:00`).toISOString() }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'forums'] }),
  });
  return (
    <form className="form card" aria-labelledby="new-forum" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
      <h2 id="new-forum">{t('prt.forum.new')}</h2>
      <TextField
        label={t('prt.forum.title')}
        value={v.title}
        maxLength={200}
        onChange={(e) => setV({ ...v, title: e.target.value })}
      />
      <TextField
        label={t('prt.forum.topic')}
        value={v.topic}
        maxLength={500}
        onChange={(e) => setV({ ...v, topic: e.target.value })}
      />
      <div className="field">
        <label htmlFor="forum-agenda">{t('prt.forum.agenda')}</label>
        <textarea
          id="forum-agenda"
          rows={4}
          value={v.agenda}
          onChange={(e) => setV({ ...v, agenda: e.target.value })}
        />
      </div>
      <div className="prt-form-grid">
        <DateTimeField
          label={t('prt.forum.heldAt')}
          value={v.heldAt}
          onChange={(value) => setV({ ...v, heldAt: value })}
        />
        <TextField
          label={t('prt.forum.venue')}
          value={v.venue}
          maxLength={300}
          onChange={(e) => setV({ ...v, venue: e.target.value })}
        />
        <SelectField
          label={t('prt.forum.mode')}
          value={v.mode}
          onChange={(e) => setV({ ...v, mode: e.target.value as Forum['mode'] })}
        >
          {(['tatap_muka', 'daring', 'hibrida'] as const).map((m) => (
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
          value={v.capacity}
          onChange={(e) => setV({ ...v, capacity: Number(e.target.value) })}
        />
      </div>
      <button type="submit" className="btn btn--primary" disabled={create.isPending || !v.heldAt}>
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
