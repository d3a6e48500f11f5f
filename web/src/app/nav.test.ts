import { describe, expect, it } from 'vitest';
import { navItems } from './nav.ts';

const paths = (role: Parameters<typeof navItems>[0]) => navItems(role).map((i) => i.to);

describe('navItems', () => {
  it('gives visitors the public pages, login and registration', () => {
    expect(paths(null)).toEqual([
      '/',
      '/formasi',
      '/hasil',
      '/pengaduan',
      '/data-terbuka',
      '/audit',
      '/kebijakan-publik',
      '/seleksi-dan-kinerja',
      '/masuk',
      '/daftar',
    ]);
    expect(navItems(null)[0]!.end).toBe(true);
  });

  it.each([
    [
      'applicant',
      ['/beranda', '/formasi', '/biodata', '/lamaran', '/ujian', '/hasil', '/pengaduan', '/data-terbuka', '/audit'],
    ],
    ['verifier', ['/beranda', '/verifikasi', '/hasil', '/pengaduan', '/data-terbuka', '/audit']],
    [
      'committee',
      [
        '/beranda',
        '/verifikasi',
        '/panitia',
        '/seleksi',
        '/pengawas',
        '/pengaduan/kelola',
        '/panitia/pemantau',
        '/korelasi-seleksi',
        '/hasil',
        '/pengaduan',
        '/data-terbuka',
        '/audit',
      ],
    ],
    [
      'admin',
      [
        '/beranda',
        '/panitia',
        '/seleksi',
        '/pegawai',
        '/pelatihan',
        '/jp',
        '/pegawai/masa-percobaan',
        '/pegawai/pengangkatan',
        '/disiplin',
        '/ip-asn/instrumen',
        '/riwayat/impor',
        '/riwayat/usulan',
        '/skp/dasbor',
        '/kebijakan',
        '/pengaduan/kelola',
        '/panitia/pemantau',
        '/korelasi-seleksi',
        '/admin/akun',
        '/admin/kotak-keluar',
        '/admin/partisipasi',
        '/admin/hari-libur',
        '/hasil',
        '/pengaduan',
        '/data-terbuka',
        '/audit',
      ],
    ],
    ['proctor', ['/beranda', '/pengawas', '/hasil', '/pengaduan', '/data-terbuka', '/audit']],
    ['exam_admin', ['/beranda', '/bank-soal', '/hasil', '/pengaduan', '/data-terbuka', '/audit']],
    [
      'employee',
      [
        '/beranda',
        '/pegawai/saya',
        '/pelatihan/saya',
        '/skp/saya',
        '/pegawai/indeks',
        '/disiplin/saya',
        '/riwayat/saya',
        '/hasil',
        '/pengaduan',
        '/data-terbuka',
        '/audit',
      ],
    ],
    [
      'supervisor',
      [
        '/beranda',
        '/pegawai',
        '/pelatihan',
        '/jp',
        '/pegawai/masa-percobaan',
        '/pegawai/saya',
        '/pelatihan/saya',
        '/skp/saya',
        '/pegawai/indeks',
        '/riwayat/saya',
        '/skp/tim',
        '/skp/dasbor',
        '/kebijakan',
        '/pengaduan/kelola',
        '/hasil',
        '/pengaduan',
        '/data-terbuka',
        '/audit',
      ],
    ],
    [
      'training_admin',
      [
        '/beranda',
        '/pegawai',
        '/pelatihan',
        '/jp',
        '/pegawai/masa-percobaan',
        '/pegawai/pengangkatan',
        '/disiplin',
        '/ip-asn/instrumen',
        '/riwayat/impor',
        '/riwayat/usulan',
        '/skp/dasbor',
        '/kebijakan',
        '/korelasi-seleksi',
        '/hasil',
        '/pengaduan',
        '/data-terbuka',
        '/audit',
      ],
    ],
    ['observer', ['/beranda', '/pemantauan', '/hasil', '/pengaduan', '/data-terbuka', '/audit']],
    ['citizen', ['/beranda', '/konsultasi', '/forum', '/hasil', '/pengaduan', '/data-terbuka', '/audit']],
  ] as const)('shows %s its own pages in order', (role, expected) => {
    expect(paths(role)).toEqual(expected);
  });
});
