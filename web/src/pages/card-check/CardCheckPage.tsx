/** /kartu/:registrationNo?s=… — what a card's QR code opens: non-personal facts, signed link only. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../app/format.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { Fact } from '../../features/recruitment/components/bits.tsx';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/recruitment/i18n.ts';

export function CardCheckPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { registrationNo = '' } = useParams();
  const [params] = useSearchParams();
  const s = params.get('s') ?? '';
  const card = useQuery({
    queryKey: ['rec', 'card', registrationNo, s],
    queryFn: () => recruitmentApi.card(registrationNo, s),
    retry: false,
  });
  return (
    <>
      <PageTitle title={t('rec.card.title')}>{t('rec.card.title')}</PageTitle>
      {card.isPending ? <Loading label={t('app.loading')} /> : null}
      {card.isError ? <Alert tone="error">{t('rec.card.invalid')}</Alert> : null}
      {card.data ? (
        <section className="card">
          <Alert tone="success">{t('rec.card.valid')}</Alert>
          <dl className="facts">
            <Fact label={t('rec.card.registrationNo')}>
              <span className="mono">{card.data.registrationNo}</span>
            </Fact>
            {card.data.participantNo ? (
              <Fact label={t('rec.card.participantNo')}>
                <span className="mono">{card.data.participantNo}</span>
              </Fact>
            ) : null}
            <Fact label={t('rec.card.period')}>{card.data.periodName}</Fact>
            <Fact label={t('rec.card.jabatan')}>{card.data.jabatan}</Fact>
            <Fact label={t('rec.card.organization')}>{card.data.organizationName}</Fact>
            <Fact label={t('rec.card.submittedAt')}>{formatDateTime(card.data.submittedAt, lang)}</Fact>
            <Fact label={t('rec.card.result')}>
              {card.data.administrationResult
                ? t(`rec.status.${card.data.administrationResult}`)
                : t('rec.card.notYet')}
            </Fact>
          </dl>
          <p className="muted small">{t('rec.card.privacy')}</p>
        </section>
      ) : null}
    </>
  );
}
