import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useMe } from '../../features/identity/hooks.ts';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';

export function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle('');
  if (me.data) return <Navigate to="/beranda" replace />;
  const steps = t('landing.steps', { returnObjects: true }) as string[];
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" tabIndex={-1}>
          {t('landing.title')}
        </h1>
        <p className="lead">{t('landing.lead')}</p>
        <div className="actions">
          <Link className="btn btn--primary" to="/daftar">
            {t('landing.register')}
          </Link>
          <Link className="btn btn--secondary" to="/masuk">
            {t('landing.login')}
          </Link>
        </div>
      </section>
      <div className="grid grid--3">
        <section className="card" aria-labelledby="how-title">
          <h2 id="how-title">{t('landing.howTitle')}</h2>
          <ol className="steps">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="trust-title">
          <h2 id="trust-title">{t('landing.trustTitle')}</h2>
          <p>{t('landing.trust')}</p>
          <p>
            <Link to="/audit">{t('landing.auditLink')}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="privacy-title">
          <h2 id="privacy-title">{t('landing.privacyTitle')}</h2>
          <p>{t('landing.privacy')}</p>
        </section>
      </div>
    </>
  );
}
