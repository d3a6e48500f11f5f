/** /admin/kotak-keluar — e-mails the system sent (or stored while SMTP is not configured). */
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useOutbox } from '../../features/identity/hooks.ts';
import '../../features/identity/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LinkifiedText } from '../../ui/LinkifiedText.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Outbox() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const outbox = useOutbox();
  return (
    <>
      <PageTitle title={t('outbox.title')} lead={t('outbox.intro')}>
        {t('outbox.title')}
      </PageTitle>
      <p>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => void outbox.refetch()}
          disabled={outbox.isFetching}
        >
          {t('outbox.refresh')}
        </button>
      </p>
      <QueryState query={outbox}>{() => null}</QueryState>
      {outbox.data ? (
        <Alert tone="info">
          {t(outbox.data.secretsHidden ? 'idsec.outbox.secretsHidden' : 'idsec.outbox.secretsShown')}
        </Alert>
      ) : null}
      {outbox.data && outbox.data.emails.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ol className="mail-list">
        {outbox.data?.emails.map((m) => (
          <li key={m.id}>
            <article className="card mail" aria-labelledby={`mail-${m.id}`}>
              <h2 id={`mail-${m.id}`}>{m.subject}</h2>
              <dl className="facts facts--inline">
                <div>
                  <dt>{t('outbox.to')}</dt>
                  <dd className="break">{m.to}</dd>
                </div>
                <div>
                  <dt>{t('outbox.time')}</dt>
                  <dd>
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('outbox.transport')}</dt>
                  <dd>{m.transport === 'smtp' ? t('outbox.transportSmtp') : t('outbox.transportOutbox')}</dd>
                </div>
                {m.transport === 'smtp' ? (
                  <div>
                    <dt>{t('outbox.status')}</dt>
                    <dd>
                      {t(`outbox.statuses.${m.status}`)}
                      {m.attempts > 1 ? ` · ${t('outbox.attempts', { count: m.attempts })}` : ''}
                      {m.error && m.status !== 'sent' ? <span className="break"> · {m.error}</span> : null}
                    </dd>
                  </div>
                ) : null}
              </dl>
              {/* Masked bodies stay plain text: no link to follow. */}
              <div className="mail-body">{outbox.data?.secretsHidden ? m.body : <LinkifiedText text={m.body} />}</div>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}

export function AdminOutboxPage() {
  return <RequireAuth roles={['admin']}>{() => <Outbox />}</RequireAuth>;
}
