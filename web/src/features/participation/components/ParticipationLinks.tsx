/** The public participation pages, linked from each of them (the main navigation holds only complaints and open data). */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import '../i18n.ts';

const LINKS = [
  { to: '/pengaduan', label: 'prt.nav.complaint' },
  { to: '/pengaduan/lacak', label: 'prt.track.title' },
  { to: '/pengaduan/statistik', label: 'prt.stats.title' },
  { to: '/survei', label: 'prt.nav.surveys' },
  { to: '/temuan', label: 'prt.nav.findings' },
  { to: '/konsultasi', label: 'prt.nav.consultations' },
  { to: '/forum', label: 'prt.nav.forums' },
  { to: '/data-terbuka', label: 'prt.nav.openData' },
];

export function ParticipationLinks() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('prt.nav.participation')} className="prt-links">
      <ul>
        {LINKS.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end>
              {t(l.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
