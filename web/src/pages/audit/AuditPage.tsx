/** /audit — the public, hash-chained audit log and its signed checkpoints. */
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../features/codes/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { shortHash, useAuditEvents, useCheckpoints } from '../../features/transparency/hooks.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const checkpoints = useCheckpoints();
  const events = useAuditEvents();
  // Newest first: people come to see what just happened.
  const latest = events.data ? [...events.data.events].reverse() : [];

  return (
    <>
      <PageTitle title={t('audit.title')} lead={t('audit.intro')}>
        {t('audit.title')}
      </PageTitle>

      <section className="card" aria-labelledby="cp-title">
        <h2 id="cp-title">{t('audit.checkpoints')}</h2>
        {checkpoints.isPending ? <Loading label={t('app.loading')} /> : null}
        {checkpoints.isError ? <ErrorAlert error={checkpoints.error} /> : null}
        {checkpoints.data && checkpoints.data.checkpoints.length === 0 ? <p>{t('audit.noCheckpoints')}</p> : null}
        {checkpoints.data && checkpoints.data.checkpoints.length > 0 ? (
          <TableWrap label={t('audit.checkpointsLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.treeSize')}</th>
                  <th scope="col">{t('audit.rootHash')}</th>
                  <th scope="col">{t('audit.keyId')}</th>
                  <th scope="col">{t('audit.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {checkpoints.data.checkpoints.map((c) => (
                  <tr key={`${c.treeSize}-${c.rootHash}`}>
                    <td className="num">{c.treeSize}</td>
                    <td className="mono" title={c.rootHash}>
                      {shortHash(c.rootHash, 16)}
                    </td>
                    <td className="mono" title={c.keyId}>
                      {shortHash(c.keyId, 16)}
                    </td>
                    <td className="nowrap">{formatDateTime(c.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>

      <section className="card" aria-labelledby="ev-title">
        <h2 id="ev-title">{t('audit.events')}</h2>
        {events.isPending ? <Loading label={t('app.loading')} /> : null}
        {events.isError ? <ErrorAlert error={events.error} /> : null}
        {events.data && latest.length === 0 ? <p>{t('audit.noEvents')}</p> : null}
        {latest.length > 0 ? (
          <TableWrap label={t('audit.eventsLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{formatDateTime(e.occurredAt, lang)}</td>
                    <td>
                      {codeLabel(t, 'audit', e.action)}
                      <br />
                      <span className="muted small mono">{e.action}</span>
                    </td>
                    <td>{e.actorRole && e.actorRole !== 'system' ? t(`roles.${e.actorRole}.name`, { defaultValue: e.actorRole }) : t('audit.system')}</td>
                    <td>{codeLabel(t, 'subject', e.subjectType)}</td>
                    <td className="mono" title={e.hash}>
                      {shortHash(e.hash)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}
