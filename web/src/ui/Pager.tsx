/** Previous / next for a paged list, with "Halaman 2 dari 5" announced politely; nothing for one page. */
import { useTranslation } from 'react-i18next';

export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="actions" aria-label={t('pager.pageOf', { page, pages })}>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('pager.prev')}
      </button>
      <span aria-live="polite">{t('pager.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
