import { describe, expect, it } from 'vitest';
import { PALU_HOLIDAY_DATES, windowEndInstant } from '../../../../../common/rules/calendar.ts';
import {
  digestDay,
  digestMail,
  dueSoonFrom,
  formatDeadline,
  localHour,
  previousWorkingDay,
  reminderDue,
  reminderNotice,
} from './reminders.ts';

const H = PALU_HOLIDAY_DATES;
const wita = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => windowEndInstant(day);

describe('the working day before a deadline', () => {
  it.each([
    ['2026-12-08', '2026-12-07'], // Tuesday → Monday
    ['2026-12-14', '2026-12-11'], // Monday → the Friday before, over the weekend
    ['2026-12-28', '2026-12-23'], // Monday after Christmas: Fri 25 (holiday), Thu 24 (cuti bersama) skipped
    ['2026-12-26', '2026-12-23'], // a Saturday deadline → the last working day before it
    ['2026-03-25', '2026-03-17'], // Nyepi and Idul Fitri 2026: 18–24 March are all off
  ])('deadline on %s → reminded on %s', (due, expected) => {
    expect(previousWorkingDay(due, H)).toBe(expected);
  });

  it('starts at the sending hour WITA on that day', () => {
    expect(dueSoonFrom(endOf('2026-12-14'), 7, H).toISOString()).toBe(wita('2026-12-11T07:00:00').toISOString());
  });
});

describe('which reminder is due at a given time', () => {
  const task = { count: 2, dueAt: endOf('2026-12-14') }; // Monday 14 Dec 23:59:59.999 WITA
  it.each([
    ['2026-12-10T12:00:00', null], // Thursday: two working days ahead
    ['2026-12-11T06:59:00', null], // Friday before the sending hour
    ['2026-12-11T07:00:00', 'due_soon'], // Friday 07:00: one working day before
    ['2026-12-13T10:00:00', 'due_soon'], // Sunday: still before the deadline (a sweep that missed Friday catches up)
    ['2026-12-14T23:59:00', 'due_soon'],
    ['2026-12-14T03:00:00', null], // the deadline's own night: a catch-up waits for the sending hour
    ['2026-12-15T03:00:00', null], // passed, but at night: waits for the sending hour
    ['2026-12-15T07:00:00', 'missed'],
    ['2027-01-20T09:00:00', 'missed'], // long past: still "missed" (the caller sends it once)
  ])('at %s WITA → %s', (local, expected) => {
    expect(reminderDue(task, wita(local), 7, H)).toBe(expected);
  });

  it('needs none when nothing is waiting', () => {
    expect(reminderDue({ count: 0, dueAt: endOf('2026-12-14') }, wita('2026-12-15T08:00:00'), 7, H)).toBeNull();
  });

  it('reminds over a holiday stretch on the last working day before it', () => {
    const christmas = { count: 1, dueAt: endOf('2026-12-28') };
    expect(reminderDue(christmas, wita('2026-12-22T16:00:00'), 7, H)).toBeNull();
    expect(reminderDue(christmas, wita('2026-12-23T07:30:00'), 7, H)).toBe('due_soon');
  });

  it('follows the configured hour', () => {
    expect(reminderDue(task, wita('2026-12-11T08:30:00'), 9, H)).toBeNull();
    expect(reminderDue(task, wita('2026-12-11T09:00:00'), 9, H)).toBe('due_soon');
  });
});

describe('the daily digest', () => {
  it.each([
    ['2026-12-07T06:59:00', null], // Monday before the hour
    ['2026-12-07T07:00:00', '2026-12-07'],
    ['2026-12-07T23:30:00', '2026-12-07'],
    ['2026-12-12T09:00:00', null], // Saturday
    ['2026-12-25T09:00:00', null], // Christmas
    ['2026-12-24T09:00:00', null], // cuti bersama
  ])('at %s WITA → %s', (local, expected) => {
    expect(digestDay(wita(local), 7, H)).toBe(expected);
  });

  it('lists the most urgent work first, marks late work, links every item', () => {
    const mail = digestMail({
      fullName: 'Andi',
      day: '2026-12-07',
      now: wita('2026-12-07T07:00:00'),
      publicUrl: 'https://merit.example',
      tasks: [
        { key: 'unclaimed', count: 3, to: '/verifikasi', dueAt: null },
        { key: 'myQueue', count: 2, to: '/verifikasi', dueAt: endOf('2026-12-10').toISOString() },
        { key: 'objectionsOpen', count: 1, to: '/panitia/periode/p1', dueAt: endOf('2026-12-04').toISOString() },
      ],
    });
    expect(mail.subject).toBe('Merit: ringkasan pekerjaan 07/12/2026');
    const lines = mail.text.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('1 sanggah belum dijawab — batas 04/12/2026 23.59 WITA (TERLAMBAT)')).toBeGreaterThan(0);
    expect(at('2 berkas lamaran di antrean verifikasi Anda — batas 10/12/2026 23.59 WITA')).toBeGreaterThan(
      at('sanggah'),
    );
    expect(at('3 berkas lamaran belum diambil verifikator')).toBeGreaterThan(at('antrean'));
    expect(lines[at('sanggah') + 1]).toBe('  https://merit.example/panitia/periode/p1');
    expect(mail.text).toContain('Pengaturan notifikasi');
  });
});

describe('texts', () => {
  it('write deadlines dd/mm/yyyy in WITA whatever the server zone', () => {
    expect(formatDeadline(new Date('2026-12-14T01:05:00Z'))).toBe('14/12/2026 09.05 WITA');
    expect(formatDeadline(new Date('2026-12-14T16:30:00Z'))).toBe('15/12/2026 00.30 WITA');
    expect(localHour(new Date('2026-12-14T16:30:00Z'))).toBe(0);
  });

  it('name the work, the count and the deadline', () => {
    const n = reminderNotice('due_soon', {
      key: 'objectionsOpen',
      count: 2,
      to: '/panitia',
      dueAt: endOf('2026-12-14').toISOString(),
    });
    expect(n.body).toContain('2 sanggah belum dijawab');
    expect(n.body).toContain('14/12/2026 23.59 WITA');
    expect(n.path).toBe('/panitia');
    expect(
      reminderNotice('missed', { key: 'aNewKey', count: 4, to: '/x', dueAt: endOf('2026-12-14').toISOString() }).body,
    ).toContain('4 pekerjaan menunggu Anda');
  });
});
