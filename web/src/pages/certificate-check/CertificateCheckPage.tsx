/**
 * /sertifikat/:id?s=… — what a training certificate's QR opens (public): the name, programme,
 * batch, JP, dates and number as issued, and "dicabut" with the reason once revoked. Never the
 * NIP (it holds the birth date) or anything else personal.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { formatCalendarDate, formatWitaDate } from '../../../../common/rules/wita.ts';
import { completionApi } from '../../features/development/completion-api.ts';
import '../../features/development/i18n-completion.ts';
import { Fact } from '../../features/recruitment/components/bits.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

export function CertificateCheckPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const s = params.get('s') ?? '';
  const cert = useQuery({
    queryKey: ['dev', 'cert-check', id, s],
    queryFn: () => completionApi.check(id, s),
    retry: false,
  });
  return (
    <>
      <PageTitle title={t('devc.check.title')}>{t('devc.check.title')}</PageTitle>
      {cert.isPending ? <Loading label={t('app.loading')} /> : null}
      {cert.isError ? <Alert tone="error">{t('devc.check.invalid')}</Alert> : null}
      {cert.data ? (
        <section className="card" aria-labelledby="cert-number">
          <h2 id="cert-number" className="mono">
            {cert.data.number}
          </h2>
          {cert.data.revoked ? (
            <Alert tone="error" title={t('devc.check.revoked')}>
              <p>
                {t('devc.check.revokedWhy', {
                  date: formatWitaDate(cert.data.revoked.at, lang),
                  reason: cert.data.revoked.reason,
                })}
              </p>
            </Alert>
          ) : (
            <Alert tone="success">{t('devc.check.valid')}</Alert>
          )}
          <dl className="facts">
            <Fact label={t('devc.check.name')}>{cert.data.fullName}</Fact>
            <Fact label={t('devc.check.program')}>{cert.data.programTitle}</Fact>
            <Fact label={t('devc.check.batch')}>{cert.data.batchName}</Fact>
            {cert.data.partnerName ? <Fact label={t('devc.check.partner')}>{cert.data.partnerName}</Fact> : null}
            <Fact label={t('devc.check.jp')}>{t('devc.check.jpValue', { count: cert.data.jp })}</Fact>
            <Fact
              label={t('devc.check.dates')}
            >{`${formatCalendarDate(cert.data.startsOn, lang)} – ${formatCalendarDate(cert.data.endsOn, lang)}`}</Fact>
            <Fact label={t('devc.check.issued')}>{formatWitaDate(cert.data.issuedAt, lang)}</Fact>
          </dl>
          <p className="muted small">{t('devc.check.privacy')}</p>
        </section>
      ) : null}
    </>
  );
}
