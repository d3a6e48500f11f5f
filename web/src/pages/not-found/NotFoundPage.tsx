import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <PageTitle title={t('notFound.title')} lead={t('notFound.text')}>
        {t('notFound.title')}
      </PageTitle>
      <p>
        <Link className="btn btn--primary" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </section>
  );
}
