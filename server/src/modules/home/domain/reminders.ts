/**
 * When a person is reminded of the work on their home, and what the reminder says. Pure: the time,
 * the holidays and the sending hour are parameters. Two reminders per deadline — one working day
 * before it and once it has passed — and one digest per Palu working day; all go out from the
 * sending hour (WITA) on, so nobody is mailed at night.
 */
import {
  dayNumber,
  fromDayNumber,
  isWorkingDay,
  localDate,
  windowStartInstant,
} from '../../../../../common/rules/calendar.ts';
import type { HomeTaskKey } from '../../../../../common/contracts/home.ts';

export type ReminderKind = 'due_soon' | 'missed';

export interface RemindedTask {
  key: string;
  count: number;
  /** The page where the work is done (an app path). */
  to: string;
  dueAt: string | null;
}

const HOUR_MS = 3_600_000;

/** The last working day strictly before `date` (weekends and `holidays` skipped). */
export function previousWorkingDay(date: string, holidays: ReadonlySet<string>): string {
  let day = dayNumber(date) - 1;
  // Bounded like calendar.addDays: a corrupted holiday table is an error, not a hang.
  for (let guard = 0; guard < 3660; guard++, day--) {
    if (isWorkingDay(fromDayNumber(day), holidays)) return fromDayNumber(day);
  }
  throw new RangeError('holiday table leaves no working days; check the holidays');
}

/** `hour`:00 WITA on a Palu date, as an instant. */
export function atLocalHour(date: string, hour: number): Date {
  return new Date(windowStartInstant(date).getTime() + hour * HOUR_MS);
}

/** Milliseconds since 00:00 WITA of the instant's Palu day. */
const sinceLocalMidnight = (at: Date) => at.getTime() - windowStartInstant(localDate(at)).getTime();

/** The Palu clock hour (0–23) at an instant. */
export function localHour(now: Date): number {
  return Math.floor(sinceLocalMidnight(now) / HOUR_MS);
}

/** When the "one working day before" reminder of a deadline becomes due: `hour` WITA on the working day before the deadline's day. */
export function dueSoonFrom(dueAt: Date, hour: number, holidays: ReadonlySet<string>): Date {
  return atLocalHour(previousWorkingDay(localDate(dueAt), holidays), hour);
}

/**
 * The reminder a task with a deadline needs at `now`, if any: 'missed' once the deadline has passed,
 * else 'due_soon' from the sending hour of the working day before the deadline's day until the
 * deadline; either only in sending time (a catch-up after a night waits for the morning). Work with nothing waiting needs none. Which of them
 * was already sent is not decided here (the caller claims each once).
 */
export function reminderDue(
  task: { count: number; dueAt: Date },
  now: Date,
  hour: number,
  holidays: ReadonlySet<string>,
): ReminderKind | null {
  if (task.count <= 0 || !isSendingTime(now, hour)) return null;
  if (now.getTime() >= task.dueAt.getTime()) return 'missed';
  return now.getTime() >= dueSoonFrom(task.dueAt, hour, holidays).getTime() ? 'due_soon' : null;
}

/** Whether reminders may go out at `now`: from the sending hour to midnight, Palu time (a sweep at night waits for the morning). */
export function isSendingTime(now: Date, hour: number): boolean {
  return localHour(now) >= hour;
}

/** The Palu day whose digest is due at `now`: today when it is a working day and the sending hour has come, else null. */
export function digestDay(now: Date, hour: number, holidays: ReadonlySet<string>): string | null {
  const today = localDate(now);
  return isWorkingDay(today, holidays) && localHour(now) >= hour ? today : null;
}

/** A deadline as officials write it: "10/12/2026 23.59 WITA". */
export function formatDeadline(at: Date): string {
  const [y, m, d] = localDate(at).split('-');
  const minutes = Math.floor(sinceLocalMidnight(at) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${d}/${m}/${y} ${hh}.${mm} WITA`;
}

/** A Palu date "YYYY-MM-DD" as "dd/mm/yyyy". */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The work a home task counts, in Indonesian, for e-mails (the pages have their own i18n texts).
 * Typed by the contract's task keys, so a new home task cannot go out without its sentence.
 */
const WORK: Record<HomeTaskKey, (n: number) => string> = {
  announcementsToApprove: (n) => `${n} usulan pengumuman menunggu persetujuan Anda`,
  reviewsWaiting: (n) => `${n} keputusan verifikasi menunggu tinjauan`,
  objectionsOpen: (n) => `${n} sanggah belum dijawab`,
  unclaimed: (n) => `${n} berkas lamaran belum diambil verifikator`,
  myQueue: (n) => `${n} berkas lamaran di antrean verifikasi Anda`,
  sessionsToday: (n) => `${n} sesi ujian hari ini`,
  sessionsOpen: (n) => `${n} sesi CAT sedang dibuka`,
  analysisReady: (n) => `${n} sesi ujian selesai siap dianalisis`,
  accountsPending: (n) => `${n} akun staf menunggu aktivasi`,
  outboxUnsent: (n) => `${n} email belum terkirim lewat SMTP`,
  committeeShort: (n) => `aturan dua orang: kurang ${n} anggota panitia aktif`,
  complaintsToVerify: (n) => `${n} pengaduan menunggu verifikasi dan disposisi`,
  findingsToAnswer: (n) => `${n} temuan pemantau belum dijawab`,
  accreditationsToDecide: (n) => `${n} permohonan akreditasi pemantau menunggu keputusan`,
  publicationsToApprove: (n) => `${n} usulan pengumuman hasil seleksi menunggu persetujuan Anda`,
  skpPlansNotAgreed: (n) => `${n} SKP bawahan belum disepakati`,
  skpToEvaluate: (n) => `${n} evaluasi SKP triwulan menunggu penilaian atau finalisasi`,
  jpClaimsToDecide: (n) => `${n} klaim JP menunggu keputusan`,
  complaintsToFollowUp: (n) => `${n} pengaduan yang didisposisikan ke OPD Anda menunggu tindak lanjut`,
  milestonesDue: (n) => `${n} tahapan tindak lanjut kebijakan jatuh tempo atau terlambat`,
  probationAtRisk: (n) => `${n} CPNS di unit Anda berisiko tidak lulus masa percobaan`,
  skpToAgree: () => 'SKP Anda menunggu persetujuan Anda',
  meetingsToday: (n) => `${n} pertemuan pelatihan hari ini`,
  trainingTestsOpen: (n) => `${n} tes pelatihan (pre/post-test) sedang dibuka`,
  jpShort: (n) => `kurang ${n} JP lagi untuk memenuhi 20 JP tahun ini`,
  latsarDeadline: () => 'Latsar harus lulus sebelum masa percobaan CPNS Anda berakhir',
  batchesThisWeek: (n) => `${n} angkatan pelatihan mulai atau selesai minggu ini`,
  findingsAnswered: (n) => `${n} temuan Anda dijawab panitia`,
  findingsOverdue: (n) => `${n} temuan Anda melewati batas jawaban panitia`,
  accreditationPending: (n) => `${n} permohonan akreditasi Anda menunggu keputusan panitia`,
  accreditationExpiring: (n) => `${n} akreditasi pemantau Anda segera atau sudah berakhir: ajukan perpanjangan`,
  certificatesIssued: (n) => `${n} sertifikat pelatihan baru terbit untuk Anda`,
  certificatesToIssue: (n) => `${n} peserta pelatihan menunggu sertifikat`,
  appointeesWaiting: (n) => `${n} pelamar yang diangkat belum dicatat NIP dan TMT-nya`,
  opdsBelowJpShare: (n) => `${n} OPD di bawah capaian 20 JP kota tahun ini`,
  holidaysNextYearMissing: () => 'kalender libur tahun depan (SKB 3 Menteri) belum dimuat',
  forumsUpcoming: (n) => `${n} forum yang Anda ikuti akan berlangsung`,
  commentsAnswered: (n) => `${n} komentar Anda sudah dijawab panitia`,
};

/** "2 sanggah belum dijawab" for a task key and count. */
export function describeWork(key: string, count: number): string {
  return WORK[key as HomeTaskKey]?.(count) ?? `${count} pekerjaan menunggu Anda`;
}

/** The notification (title and body; the e-mail adds the link) of one reminder. */
export function reminderNotice(
  kind: ReminderKind,
  task: RemindedTask & { dueAt: string },
): { title: string; body: string; path: string } {
  const work = describeWork(task.key, task.count);
  const due = formatDeadline(new Date(task.dueAt));
  if (kind === 'due_soon') {
    return {
      title: `Pengingat: batas waktu ${due}`,
      body: `${capitalize(work)}. Batas waktunya ${due}; selesaikan sebelum batas waktu itu.`,
      path: task.to,
    };
  }
  return {
    title: `Terlambat: batas waktu ${due} terlewati`,
    body: `${capitalize(work)}, padahal batas waktunya ${due} sudah lewat. Selesaikan sekarang, atau catat alasannya bila ada kendala.`,
    path: task.to,
  };
}

/** The daily digest e-mail: every task waiting, most urgent first, each with its deadline and link. */
export function digestMail(input: {
  fullName: string;
  day: string;
  tasks: RemindedTask[];
  now: Date;
  publicUrl: string;
}): { subject: string; text: string } {
  const order = [...input.tasks].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  const lines = order.map((t) => {
    const due = t.dueAt
      ? ` — batas ${formatDeadline(new Date(t.dueAt))}${new Date(t.dueAt) <= input.now ? ' (TERLAMBAT)' : ''}`
      : '';
    return `- ${capitalize(describeWork(t.key, t.count))}${due}\n  ${input.publicUrl}${t.to}`;
  });
  return {
    subject: `Merit: ringkasan pekerjaan ${formatDay(input.day)}`,
    text: [
      `Halo ${input.fullName},`,
      '',
      `Pekerjaan yang menunggu Anda per ${formatDay(input.day)}:`,
      ...lines,
      '',
      `Beranda Anda: ${input.publicUrl}/beranda`,
      `Tidak ingin menerima ringkasan harian? Matikan di Beranda › Pengaturan notifikasi: ${input.publicUrl}/beranda`,
      '',
      'BKPSDM Kota Palu',
    ].join('\n'),
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
