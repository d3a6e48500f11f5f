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
  { to: '/hasil', label: 'menu.selResults' },
  { to: '/pengaduan', label: 'menu.prtComplaint' },
  { to: '/data-terbuka', label: 'menu.prtOpenData' },
  { to: '/audit', label: 'nav.audit' },
];

const BY_ROLE: { roles: readonly Role[]; items: NavItem[] }[] = [
  {
    roles: ['applicant'],
    items: [
      { to: '/formasi', label: 'menu.recCatalog' },
      { to: '/biodata', label: 'menu.recBiodata' },
      { to: '/lamaran', label: 'menu.recApplications' },
      { to: '/ujian', label: 'menu.catExam' },
    ],
  },
  { roles: ['verifier', 'committee'], items: [{ to: '/verifikasi', label: 'menu.recVerification' }] },
  {
    roles: ['committee', 'admin'],
    items: [
      { to: '/panitia', label: 'menu.recCommittee' },
      { to: '/seleksi', label: 'menu.selCommittee' },
    ],
  },
  { roles: ['proctor', 'committee'], items: [{ to: '/pengawas', label: 'menu.catProctor' }] },
  { roles: ['exam_admin'], items: [{ to: '/bank-soal', label: 'menu.catBank' }] },
  {
    roles: ['admin', 'training_admin', 'supervisor'],
    items: [
      { to: '/pegawai', label: 'menu.devEmployees' },
      { to: '/pelatihan', label: 'menu.devTraining' },
      { to: '/jp', label: 'menu.devTrainingJp' },
      { to: '/pegawai/masa-percobaan', label: 'menu.devcProbation' },
    ],
  },
  { roles: ['admin', 'training_admin'], items: [{ to: '/pegawai/pengangkatan', label: 'menu.devcAppointment' }] },
  { roles: ['admin', 'training_admin'], items: [{ to: '/disiplin', label: 'menu.discRecords' }] },
  { roles: ['admin', 'training_admin'], items: [{ to: '/ip-asn/instrumen', label: 'menu.ipasnInstrument' }] },
  {
    roles: ['admin', 'training_admin'],
    items: [
      { to: '/riwayat/impor', label: 'menu.recordsImport' },
      { to: '/riwayat/usulan', label: 'menu.recordsCorrections' },
    ],
  },
  {
    roles: ['supervisor', 'employee'],
    items: [
      { to: '/pegawai/saya', label: 'menu.devMine' },
      { to: '/pelatihan/saya', label: 'menu.devTrainingMine' },
      { to: '/skp/saya', label: 'menu.skpMine' },
      { to: '/pegawai/indeks', label: 'menu.ipasnMine' },
    ],
  },
  { roles: ['employee'], items: [{ to: '/disiplin/saya', label: 'menu.discMine' }] },
  { roles: ['supervisor', 'employee'], items: [{ to: '/riwayat/saya', label: 'menu.recordsMine' }] },
  { roles: ['supervisor'], items: [{ to: '/skp/tim', label: 'menu.skpTeam' }] },
  {
    roles: ['admin', 'training_admin', 'supervisor'],
    items: [
      { to: '/skp/dasbor', label: 'menu.skpDashboard' },
      { to: '/kebijakan', label: 'menu.skpPolicies' },
      { to: '/ip-asn/laporan', label: 'menu.iprReport' },
    ],
  },
  { roles: ['admin', 'committee', 'supervisor'], items: [{ to: '/pengaduan/kelola', label: 'menu.prtManage' }] },
  { roles: ['committee', 'admin'], items: [{ to: '/panitia/pemantau', label: 'menu.prtObservers' }] },
  { roles: ['committee', 'admin', 'training_admin'], items: [{ to: '/korelasi-seleksi', label: 'menu.corReport' }] },
  { roles: ['observer'], items: [{ to: '/pemantauan', label: 'menu.prtObserve' }] },
  {
    roles: ['citizen'],
    items: [
      { to: '/konsultasi', label: 'menu.prtConsultations' },
      { to: '/forum', label: 'menu.prtForums' },
    ],
  },
  {
    roles: ['admin'],
    items: [
      { to: '/admin/akun', label: 'nav.accounts' },
      { to: '/admin/kotak-keluar', label: 'nav.outbox' },
      { to: '/admin/pekerjaan-latar', label: 'nav.jobs' },
      { to: '/admin/partisipasi', label: 'menu.prtSettings' },
      { to: '/admin/hari-libur', label: 'nav.holidays' },
    ],
  },
];

/** The links for a signed-in role, or for a visitor (null). */
export function navItems(role: Role | null): NavItem[] {
  if (role === null) {
    return [
      { to: '/', label: 'nav.home', end: true },
      { to: '/formasi', label: 'menu.recCatalog' },
      ...PUBLIC_TAIL,
      { to: '/kebijakan-publik', label: 'menu.skpPublicPolicies' },
      { to: '/seleksi-dan-kinerja', label: 'menu.corPublic' },
      { to: '/ip-asn', label: 'menu.iprPublic' },
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
