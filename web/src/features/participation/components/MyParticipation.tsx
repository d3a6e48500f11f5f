/** A citizen's part on their home: the forums they registered for and their consultation comments. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatWitaDateTime } from '../../../../../common/rules/wita.ts';
import { QueryState } from '../../../app/QueryState.tsx';
import { consultationApi } from '../api.ts';
import '../i18n.ts';

export function MyParticipation() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const mine = useQuery({ queryKey: ['prt', 'mine'], queryFn: consultationApi.mine });
  return (
    <QueryState query={mine}>
      {(m) => (
        <div className="grid grid--2">
          <section className="card" aria-labelledby="my-forums">
            <h2 id="my-forums">{t('prt.mine.forums')}</h2>
            {m.forums.length === 0 ? <p>{t('prt.mine.noForums')}</p> : null}
            <ul className="link-list">
              {m.forums.map((f) => (
                <li key={f.id}>
                  <Link to={`/forum/${f.id}`}>{f.title}</Link>
                  <span className="small muted">
                    {' · '}
                    {formatWitaDateTime(f.heldAt, lang)} · {f.venue}
                    {f.upcoming ? ` · ${t('prt.mine.upcoming')}` : ` · ${t(`prt.forum.states.${f.status}`)}`}
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/forum">{t('prt.mine.findForums')}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="my-comments">
            <h2 id="my-comments">{t('prt.mine.comments')}</h2>
            {m.comments.length === 0 ? <p>{t('prt.mine.noComments')}</p> : null}
            <ul className="link-list">
              {m.comments.map((c) => (
                <li key={c.id}>
                  <Link to={`/konsultasi/${c.consultationId}`}>
                    {t('prt.mine.onSection', { title: c.consultationTitle, heading: c.sectionHeading })}
                  </Link>
                  <span className="small muted">
                    {' · '}
                    {formatWitaDateTime(c.createdAt, lang)} · {t(`prt.cons.states.${c.consultationState}`)} ·{' '}
                    {c.status === 'hidden'
                      ? t('prt.mine.hiddenByModerator')
                      : c.answered
                        ? t('prt.mine.answered')
                        : t('prt.mine.waiting')}
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/konsultasi">{t('prt.mine.findConsultations')}</Link>
            </p>
          </section>
        </div>
      )}
    </QueryState>
  );
}
