import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatParticipantNumber,
  isValidParticipantNumber,
  luhnCheckDigit,
  parseParticipantNumber,
  participantNumber,
} from './participant-number.ts';

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3], // the textbook example 79927398713
    ['4539148803436467'.slice(0, 15), 7], // a valid test card number
    ['', 0],
    ['0', 0],
  ])('%s → %i', (digits, check) => expect(luhnCheckDigit(digits)).toBe(check));
});

describe('participantNumber', () => {
  it('lays out YY PP IIII FFFF AAAAA C', () => {
    const n = participantNumber({ year: 2024, periodCode: '01', formationSeq: 12, applicantSeq: 345 });
    expect(n).toHaveLength(18);
    expect(n.slice(0, 17)).toBe('24017271001200345');
    expect(isValidParticipantNumber(n)).toBe(true);
    expect(formatParticipantNumber(n)).toBe(`24 01 7271 0012 00345 ${n.slice(17)}`);
  });

  it('takes another instansi code', () => {
    expect(
      participantNumber({ year: 2025, periodCode: '02', formationSeq: 1, applicantSeq: 1, instansiCode: '7200' }).slice(
        0,
        17,
      ),
    ).toBe('25027200000100001');
  });

  it.each([
    ['year 1999', { year: 1999 }],
    ['year 2100', { year: 2100 }],
    ['period 00', { periodCode: '00' }],
    ['period 1', { periodCode: '1' }],
    ['formation 0', { formationSeq: 0 }],
    ['formation 10000', { formationSeq: 10000 }],
    ['applicant 0', { applicantSeq: 0 }],
    ['applicant 100000', { applicantSeq: 100000 }],
    ['fractional applicant', { applicantSeq: 1.5 }],
    ['instansi of 3 digits', { instansiCode: '727' }],
  ])('refuses %s', (_name, patch) => {
    expect(() =>
      participantNumber({ year: 2024, periodCode: '01', formationSeq: 1, applicantSeq: 1, ...patch }),
    ).toThrow(RangeError);
  });
});

const parts = fc.record({
  year: fc.integer({ min: 2000, max: 2099 }),
  periodCode: fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0')),
  formationSeq: fc.integer({ min: 1, max: 9999 }),
  applicantSeq: fc.integer({ min: 1, max: 99999 }),
});

describe('isValidParticipantNumber', () => {
  it.each([
    ['', false],
    ['24017271001200345', false], // 17 digits, no check digit
    ['2401 7271 0012 0034 5', false],
    ['7271045203950002', false], // a NIK is 16 digits
    ['24007271001200345' + String(luhnCheckDigit('24007271001200345')), false], // period 00
    ['24017271000000345' + String(luhnCheckDigit('24017271000000345')), false], // formation 0000
  ])('%j → %s', (s, ok) => expect(isValidParticipantNumber(s)).toBe(ok));

  it('accepts every generated number and round-trips its parts (property)', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const n = participantNumber(p);
        expect(isValidParticipantNumber(n)).toBe(true);
        expect(parseParticipantNumber(n)).toEqual({ ...p, instansiCode: '7271' });
      }),
    );
  });

  it('rejects any single mistyped digit (property)', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (p, pos, delta) => {
        const n = participantNumber(p);
        const digit = (Number(n[pos]) + delta) % 10;
        const typo = n.slice(0, pos) + String(digit) + n.slice(pos + 1);
        expect(isValidParticipantNumber(typo)).toBe(false);
      }),
    );
  });

  it('parse returns null for an invalid number', () => expect(parseParticipantNumber('123')).toBeNull());
});
