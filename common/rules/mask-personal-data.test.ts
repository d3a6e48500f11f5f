import { describe, expect, it } from 'vitest';
import { REDACTED, maskPersonalData, redactPhrase } from './mask-personal-data.ts';

const R = REDACTED;

describe('maskPersonalData', () => {
  it.each([
    ['NIK in a row', 'NIK pelapor 7271045203990002 sudah dicek.', `NIK pelapor ${R} sudah dicek.`],
    ['NIK in groups of four', 'NIK 7271 0452 0399 0002.', `NIK ${R}.`],
    ['NIP in a row', 'Atasan (NIP 197808122003121002) dipanggil.', `Atasan (NIP ${R}) dipanggil.`],
    ['NIP as on an SK', 'NIP. 19780812 200312 1 002', `NIP. ${R}`],
    ['mobile 08…', 'Hubungi 081234567890 hari ini', `Hubungi ${R} hari ini`],
    ['mobile with dashes', 'HP: 0812-3456-7890', `HP: ${R}`],
    ['mobile +62 with spaces', 'WA +62 812 3456 7890.', `WA ${R}.`],
    ['mobile 62…', 'WA 6281234567890', `WA ${R}`],
    ['e-mail', 'Kirim ke hasan.lasoso@palukota.go.id segera.', `Kirim ke ${R} segera.`],
    ['e-mail with plus', 'atau nur+aduan@contoh.id', `atau ${R}`],
  ])('masks %s', (_, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('masks each kind in one text and leaves the rest as written', () => {
    const text =
      'Sdr. Rahmat (NIK 7271045203990002, NIP 197808122003121002) dapat dihubungi di 0812-3456-7890 atau rahmat@contoh.id; SK 800/123/BKPSDM/2026 tanggal 07/12/2026.';
    expect(maskPersonalData(text)).toBe(
      `Sdr. Rahmat (NIK ${R}, NIP ${R}) dapat dihubungi di ${R} atau ${R}; SK 800/123/BKPSDM/2026 tanggal 07/12/2026.`,
    );
  });

  it.each([
    ['a date', 'Rapat pada 07/12/2026 dan 2026-12-07 pukul 08.00-12.00 WITA.'],
    ['amounts', 'Anggaran Rp 1.500.000.000 dan Rp1500000000, sisa Rp 12.345.678,50.'],
    ['an SK number', 'Sesuai SK Nomor 821.2/045/BKPSDM/XII/2026 dan Perwali 12 Tahun 2024.'],
    ['a tracking ID', 'Laporan PGD-7K2QM-9XHTA sudah diteruskan.'],
    ['short numbers and years', 'Formasi 2026 kode 12345, 20 JP, 3 hari kerja, peringkat 1 dari 150.'],
    ['a 12-digit account number', 'Nomor surat 123456789012.'],
    ['a landline', 'Telepon kantor (0451) 421234.'],
    ['a 17-digit number', 'Kode 12345678901234567.'],
    ['a decimal amount', 'Nilai 1234567890123456.50 tidak wajar.'],
  ])('leaves %s alone', (_, text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('redactPhrase', () => {
  it('replaces every whole-word occurrence of a name, ignoring case and spacing', () => {
    expect(
      redactPhrase('Sdr. Rahmat Lasoso menyebut rahmat  lasoso dua kali; Rahmatullah tidak.', 'Rahmat Lasoso'),
    ).toEqual({ text: `Sdr. ${R} menyebut ${R} dua kali; Rahmatullah tidak.`, count: 2 });
  });
  it('treats regular-expression characters in the name literally', () => {
    expect(redactPhrase('Moh. Fadli dan Moh Fadli', 'Moh. Fadli')).toEqual({ text: `${R} dan Moh Fadli`, count: 1 });
  });
  it('reports a name that is not in the text', () => {
    expect(redactPhrase('Tidak ada nama.', 'Hasan')).toEqual({ text: 'Tidak ada nama.', count: 0 });
  });
});
