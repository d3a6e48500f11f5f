import { describe, expect, it } from 'vitest';
import { navItems } from './nav.ts';

const paths = (role: Parameters<typeof navItems>[0]) => navItems(role).map((i) => i.to);

describe('navItems', () => {
  it('gives visitors the public pages, login and registration', () => {
    expect(paths(null)).toEqual(['/', '/formasi', '/hasil', '/pengaduan', '/survei', '/audit', '/masuk', '/daftar']);
    expect(navItems(null)[0]!.end).toBe(true);
  });

  it.each([
    ['applicant', ['/beranda', '/formasi', '/biodata', '/lamaran', '/ujian', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['verifier', ['/beranda', '/verifikasi', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['committee', ['/beranda', '/verifikasi', '/panitia', '/seleksi', '/pengawas', '/pengaduan/kelola', '/panitia/pemantau', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['admin', ['/beranda', '/panitia', '/seleksi', '/pegawai', '/pelatihan', '/jp', '/pengaduan/kelola', '/panitia/pemantau', '/admin/akun', '/admin/kotak-keluar', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['proctor', ['/beranda', '/pengawas', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['exam_admin', ['/beranda', '/bank-soal', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['employee', ['/beranda', '/pegawai/saya', '/pelatihan/saya', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['supervisor', ['/beranda', '/pegawai', '/pelatihan', '/jp', '/pegawai/saya', '/pelatihan/saya', '/pengaduan/kelola', '/hasil', '/pengaduan', '/survei', '/audit']],
    ['training_admin', ['/beranda', '/pegawai', '/pelatihan', '/jp', '/hasil', '/pengaduan', '/survei', '/audit']],
  ] as const)('shows %s its own pages in order', (role, expected) => {
    expect(paths(role)).toEqual(expected);
  });
});
