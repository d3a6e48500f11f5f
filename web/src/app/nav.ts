/**
 * The main navigation as data: which links each role sees, in order. Pure, so the role → page
 * mapping is tested without rendering, and adding a page is one line here.
 */
import type { Role } from '../../../common/contracts/identity.ts';

export interface NavItem {
  to: string;
  /** i18n key of the link text. */
  label: string;
  /** Match the path exactly (only for "/"). */
  end?: boolean;
}

const PUBLIC_TAIL: NavItem[] = [
  { to: '/hasil', label: 'sel.nav.results' },
  { to: '/pengaduan', label: 'prt.nav.complaint' },
  { to: '/data-terbuka', label: 'prt.nav.openData' },
  { to: '/audit', label: 'nav.audit' },
];

const BY_ROLE: { roles: readonly Role[]; items: NavItem[] }[] = [
  {
    roles: ['applicant'],
    items: [
      { to: '/formasi', label: 'rec.nav.catalog' },
      { to: '/biodata', label: 'rec.nav.biodata' },
      { to: '/lamaran', label: 'rec.nav.applications' },
      { to: '/ujian', label: 'cat.nav.exam' },
    ],
  },
  { roles: ['verifier', 'committee'], items: [{ to: '/verifikasi', label: 'rec.nav.verification' }] },
  { roles: ['committee', 'admin'], items: [{ to: '/panitia', label: 'rec.nav.committee' }, { to: '/seleksi', label: 'sel.nav.committee' }] },
  { roles: ['proctor', 'committee'], items: [{ to: '/pengawas', label: 'cat.nav.proctor' }] },
  { roles: ['exam_admin'], items: [{ to: '/bank-soal', label: 'cat.nav.bank' }] },
  {
    roles: ['admin', 'training_admin', 'supervisor'],
    items: [
      { to: '/pegawai', label: 'dev.nav.employees' },
      { to: '/pelatihan', label: 'dev.training.nav' },
      { to: '/jp', label: 'dev.training.navJp' },
      { to: '/pegawai/masa-percobaan', label: 'devc.nav.probation' },
    ],
  },
  { roles: ['admin', 'training_admin'], items: [{ to: '/pegawai/pengangkatan', label: 'devc.nav.appointment' }] },
  {
    roles: ['supervisor', 'employee'],
    items: [
      { to: '/pegawai/saya', label: 'dev.nav.mine' },
      { to: '/pelatihan/saya', label: 'dev.training.navMine' },
      { to: '/skp/saya', label: 'skp.nav.mine' },
    ],
  },
  { roles: ['supervisor'], items: [{ to: '/skp/tim', label: 'skp.nav.team' }] },
  { roles: ['admin', 'training_admin', 'supervisor'], items: [{ to: '/skp/dasbor', label: 'skp.nav.dashboard' }, { to: '/kebijakan', label: 'skp.nav.policies' }] },
  { roles: ['admin', 'committee', 'supervisor'], items: [{ to: '/pengaduan/kelola', label: 'prt.nav.manage' }] },
  { roles: ['committee', 'admin'], items: [{ to: '/panitia/pemantau', label: 'prt.nav.observers' }] },
  { roles: ['observer'], items: [{ to: '/pemantauan', label: 'prt.nav.observe' }] },
  { roles: ['citizen'], items: [{ to: '/konsultasi', label: 'prt.nav.consultations' }, { to: '/forum', label: 'prt.nav.forums' }] },
  {
    roles: ['admin'],
    items: [
      { to: '/admin/akun', label: 'nav.accounts' },
      { to: '/admin/kotak-keluar', label: 'nav.outbox' },
      { to: '/admin/partisipasi', label: 'prt.nav.settings' },
      { to: '/admin/hari-libur', label: 'nav.holidays' },
    ],
  },
];

/** The links for a signed-in role, or for a visitor (null). */
export function navItems(role: Role | null): NavItem[] {
  if (role === null) {
    return [
      { to: '/', label: 'nav.home', end: true },
      { to: '/formasi', label: 'rec.nav.catalog' },
      ...PUBLIC_TAIL,
      { to: '/kebijakan-publik', label: 'skp.nav.publicPolicies' },
      { to: '/masuk', label: 'nav.login' },
      { to: '/daftar', label: 'nav.register' },
    ];
  }
  return [
    { to: '/beranda', label: 'nav.home' },
    ...BY_ROLE.filter((g) => g.roles.includes(role)).flatMap((g) => g.items),
    ...PUBLIC_TAIL,
  ];
}
