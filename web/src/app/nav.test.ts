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
      '/ip-asn',
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
        '/skp/dasbor',
        '/kebijakan',
        '/ip-asn/laporan',
        '/pengaduan/kelola',
        '/panitia/pemantau',
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
      ['/beranda', '/pegawai/saya', '/pelatihan/saya', '/skp/saya', '/hasil', '/pengaduan', '/data-terbuka', '/audit'],
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
        '/skp/tim',
        '/skp/dasbor',
        '/kebijakan',
        '/ip-asn/laporan',
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
        '/skp/dasbor',
        '/kebijakan',
        '/ip-asn/laporan',
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
