import { describe, expect, it } from 'vitest';
import { navItems } from './nav.ts';

const paths = (role: Parameters<typeof navItems>[0]) => navItems(role).map((i) => i.to);

describe('navItems', () => {
  it('gives visitors the public pages, login and registration', () => {
    expect(paths(null)).toEqual(['/', '/formasi', '/hasil', '/audit', '/kebijakan-publik', '/masuk', '/daftar']);
    expect(navItems(null)[0]!.end).toBe(true);
  });

  it.each([
    ['applicant', ['/beranda', '/formasi', '/biodata', '/lamaran', '/ujian', '/hasil', '/audit']],
    ['verifier', ['/beranda', '/verifikasi', '/hasil', '/audit']],
    ['committee', ['/beranda', '/verifikasi', '/panitia', '/seleksi', '/pengawas', '/hasil', '/audit']],
    ['admin', ['/beranda', '/panitia', '/seleksi', '/pegawai', '/pelatihan', '/jp', '/pegawai/masa-percobaan', '/pegawai/pengangkatan', '/admin/akun', '/admin/kotak-keluar', '/hasil', '/audit']],
    ['proctor', ['/beranda', '/pengawas', '/hasil', '/audit']],
    ['exam_admin', ['/beranda', '/bank-soal', '/hasil', '/audit']],
    ['employee', ['/beranda', '/pegawai/saya', '/pelatihan/saya', '/hasil', '/audit']],
    ['supervisor', ['/beranda', '/pegawai', '/pelatihan', '/jp', '/pegawai/masa-percobaan', '/pegawai/saya', '/pelatihan/saya', '/hasil', '/audit']],
    ['training_admin', ['/beranda', '/pegawai', '/pelatihan', '/jp', '/pegawai/masa-percobaan', '/pegawai/pengangkatan', '/hasil', '/audit']],
  ] as const)('shows %s its own pages in order', (role, expected) => {
    expect(paths(role)).toEqual(expected);
  });
});
