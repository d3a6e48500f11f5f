/**
 * Page frame: skip link, header (name, nav, language, logout), <main>, footer. The exam page
 * (/ujian/kerjakan) gets the frame without navigation, links or footer: during an attempt a
 * participant sees only the exam, as CAT BKN shows it, and no tap leads away from it.
 */
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../../common/contracts/identity.ts';
import type { Lang } from '../../../common/contracts/messages.ts';
import { useLogout, useMe } from '../features/identity/hooks.ts';
import { setLanguage } from './i18n.ts';
import { navItems } from './nav.ts';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Lang = i18n.language === 'en' ? 'en' : 'id';
  const options: { lang: Lang; short: string; full: string }[] = [
    { lang: 'id', short: t('lang.id'), full: t('lang.idFull') },
    { lang: 'en', short: t('lang.en'), full: t('lang.enFull') },
  ];
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {options.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          aria-pressed={current === o.lang}
          title={o.full}
          onClick={() => void setLanguage(o.lang)}
        >
          {o.short}
          {/* The accessible name starts with the visible "ID"/"EN" (WCAG 2.5.3) and then says it in full. */}
          <span className="sr-only"> ({o.full})</span>
        </button>
      ))}
    </div>
  );
}

/** The page of a running attempt: shown without the site's navigation. */
const EXAM_PATH = '/ujian/kerjakan';

function Brand() {
  const { t } = useTranslation();
  return (
    <>
      <span className="brand-mark" aria-hidden="true">
        M
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-org">{t('app.org')}</span>
      </span>
    </>
  );
}

/**
 * The site's links for the account's role, and sign-out. On a phone the links sit behind a "Menu"
 * disclosure (closed by default, closed again on every navigation, Escape closes it); from 640 px
 * up the button is hidden by CSS and the links always show, so the state only matters on small screens.
 */
function SiteNav({ account }: { account: Me | null }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setMenuOpen(false);
  }, [location.pathname]);

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/masuk', { replace: true }) });
  };

  return (
    <div className="nav-bar">
      <nav
        className="container nav"
        aria-label={t('nav.label')}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButtonRef.current?.focus();
          }
        }}
      >
        <button
          ref={menuButtonRef}
          type="button"
          className="nav-toggle"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="nav-toggle-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id={menuId} className={menuOpen ? 'nav-menu nav-menu--open' : 'nav-menu'}>
          <ul>
            {navItems(account?.role ?? null).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          {account ? (
            <button
              type="button"
              className="btn btn--ghost btn--small logout"
              onClick={onLogout}
              disabled={logout.isPending}
            >
              {t('nav.logout')}
            </button>
          ) : null}
        </div>
      </nav>
    </div>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('app.footer')}</p>
        <p>
          <Link to="/audit">{t('nav.audit')}</Link> · <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
      </div>
    </footer>
  );
}

/** After client-side navigation, moves focus to the new page so screen readers start there. */
function useFocusOnNavigation(mainRef: RefObject<HTMLElement | null>, pathname: string) {
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const h1 = mainRef.current?.querySelector('h1');
    (h1 ?? mainRef.current)?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [mainRef, pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef, location.pathname);

  const account = me.data ?? null;
  const examOnly = location.pathname === EXAM_PATH;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="container header-top">
          {examOnly ? (
            <span className="brand">
              <Brand />
            </span>
          ) : (
            <Link to={account ? '/beranda' : '/'} className="brand">
              <Brand />
            </Link>
          )}
          <LanguageSwitch />
        </div>
        {examOnly ? null : <SiteNav account={account} />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container main">
        <Outlet />
      </main>
      {examOnly ? null : <SiteFooter />}
    </div>
  );
}
