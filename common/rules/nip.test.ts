import { describe, expect, it } from 'vitest';
import { normalizeNip, parseNip } from './nip.ts';

describe('parseNip', () => {
  it('reads birth date, TMT month, gender and sequence', () => {
    expect(parseNip('199001012015031001')).toEqual({
      ok: true,
      parts: { kind: 'nip', birthDate: '1990-01-01', tmt: '2015-03', gender: 'L', sequence: 1 },
    });
    expect(parseNip('19920512 201903 2 002')).toEqual({
      ok: true,
      parts: { kind: 'nip', birthDate: '1992-05-12', tmt: '2019-03', gender: 'P', sequence: 2 },
    });
  });

  it('reads an NI PPPK: the appointment year and the code 21 instead of a month', () => {
    expect(parseNip('199009092023211005')).toEqual({
      ok: true,
      parts: { kind: 'ni_pppk', birthDate: '1990-09-09', tmt: '2023', gender: 'L', sequence: 5 },
    });
  });

  it.each<[string, string, RegExp]>([
    ['17 digits', '19900101201503100', /18 angka/],
    ['letters', '19900101201503100A', /18 angka/],
    ['30 February', '199002302015031001', /bukan tanggal lahir yang sah/],
    ['born 1900', '190001012015031001', /bukan tanggal lahir yang sah/],
    ['TMT month 13', '199001012015131001', /bukan bulan TMT yang sah/],
    ['TMT month 00', '199001012015001001', /bukan bulan TMT yang sah/],
    ['appointed at 17', '199006012007051001', /berumur 16 tahun saat TMT; minimal 18/],
    ['gender digit 3', '199001012015033001', /jenis kelamin: 1 \(laki-laki\) atau 2 \(perempuan\), bukan 3/],
    ['sequence 000', '199001012015031000', /000/],
  ])('refuses %s with a message saying which part is wrong', (_what, nip, message) => {
    const r = parseNip(nip);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.id).toMatch(message);
  });

  it('counts age at TMT by month: 18 in the birth month passes, a month earlier does not', () => {
    expect(parseNip('199705152015052001').ok).toBe(true); // born May 1997, TMT May 2015
    expect(parseNip('199706152015052001').ok).toBe(false); // born June 1997, TMT May 2015: 17
  });

  it('ignores the spaces and dots people type between groups', () => {
    expect(normalizeNip('19900101 201503 1 001')).toBe('199001012015031001');
    expect(normalizeNip('19900101.201503.1.001')).toBe('199001012015031001');
  });
});
