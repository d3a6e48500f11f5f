/** /ujian/hasil — the participant's score (TWK, TIU, TKP, total), pass/fail with its rule, and the certificate. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { examApi } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

export function CatResultPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const result = useQuery({ queryKey: ['cat', 'result'], queryFn: examApi.result, retry: false });
  return (
    <section className="narrow">
      <PageTitle title={t('cat.result.title')} lead={t('cat.result.lead')}>
        {t('cat.result.title')}
      </PageTitle>
      {result.isPending ? <Loading label={t('app.loading')} /> : null}
      {result.isError ? (
        result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 401) ? (
          <Alert tone="info">
            <p>{t('cat.result.notYet')}</p>
            <p>
              <Link to="/ujian">{t('cat.exam.toLogin')}</Link>
            </p>
          </Alert>
        ) : (
          <ErrorAlert error={result.error} />
        )
      ) : null}
      {result.data ? (
        <div className="card">
          <dl className="cat-result-grid">
            {(['twk', 'tiu', 'tkp'] as const).map((k) => (
              <div key={k}>
                <dt>{k.toUpperCase()}</dt>
                <dd data-score={k}>{result.data[k]}</dd>
              </div>
            ))}
            <div>
              <dt>{t('cat.result.total')}</dt>
              <dd data-score="total">{result.data.total}</dd>
            </div>
          </dl>
          {result.data.passed === null ? (
            <Alert tone="info" title={t('cat.result.noThreshold')}>
              <p>{result.data.thresholdText}</p>
            </Alert>
          ) : (
            <Alert
              tone={result.data.passed ? 'success' : 'warning'}
              title={result.data.passed ? t('cat.result.passed') : t('cat.result.failed')}
            >
              <p>
                {t('cat.result.threshold')}: {result.data.thresholdText}
              </p>
            </Alert>
          )}
          <dl className="facts">
            <div>
              <dt>{t('cat.result.participant')}</dt>
              <dd className="mono">{result.data.participantNo}</dd>
            </div>
            <div>
              <dt>{t('cat.result.answered')}</dt>
              <dd>{result.data.answered}</dd>
            </div>
            <div>
              <dt>{t('cat.result.submittedAt')}</dt>
              <dd>
                {formatDateTime(result.data.submittedAt, lang)} —{' '}
                {t(`cat.result.submittedBy.${result.data.submittedBy}`)}
              </dd>
            </div>
          </dl>
          <p>
            <a className="btn btn--primary" href={examApi.certificateUrl} download>
              {t('cat.result.certificate')}
            </a>
          </p>
        </div>
      ) : null}
    </section>
  );
}
