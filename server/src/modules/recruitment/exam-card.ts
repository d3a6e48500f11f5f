/** The participant's exam card (PDF). */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Profile } from '../../../../common/contracts/recruitment.ts';
import { formatWitaDate, formatWitaTime } from '../../../../common/rules/wita.ts';
import { notFound } from '../../errors.ts';
import { renderExamCard } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import { conflict } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';
import { cardLinks } from './application-workflow.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'files' | 'publicUrl' | 'cardSecret'>;

/** The participant's exam card (PDF) with the seat, the time in WITA and the signed QR link. */
export async function examCard(ctx: Ctx, actor: Actor, id: string) {
  const { db, files } = ctx;
  const a = await repo.applicationOf(db, actor.accountId, id);
  if (!a) throw notFound();
  const seat = await repo.examSeat(db, id);
  if (!seat || !a.participant_no)
    throw conflict(
      msg(
        'Kartu ujian tersedia setelah panitia menerbitkan jadwal ujian.',
        'The exam card is available once the committee publishes the schedule.',
      ),
    );
  const [formation, period, account, photo] = await Promise.all([
    repo.formation(db, a.formation_id),
    repo.period(db, a.period_id),
    repo.accountName(db, a.applicant_id),
    repo.document(db, id, 'pas_foto'),
  ]);
  const starts = new Date(seat.starts_at);
  const end = new Date(starts.getTime() + (seat.duration_minutes + seat.extra_minutes) * 60_000);
  return renderExamCard({
    periodName: period!.name,
    participantNo: a.participant_no,
    fullName: (a.biodata as Profile | null)?.nameOnIjazah ?? account.full_name,
    formation: {
      jabatan: formation!.jabatan,
      organizationName: formation!.organization_name,
      needType: formation!.need_type,
      educationLevel: formation!.education_levels.join('/'),
    },
    session: {
      dateText: formatWitaDate(starts),
      timeText: `${formatWitaTime(starts)}–${formatWitaTime(end)} WITA`,
      siteName: seat.name,
      siteAddress: seat.address,
      seat: String(seat.seat),
    },
    ...(seat.extra_minutes > 0
      ? { extraTimeText: `Tambahan waktu ${seat.extra_minutes} menit (akomodasi disabilitas)` }
      : {}),
    ...(photo ? { photoJpeg: await files.get(photo.file_key) } : {}),
    verifyUrl: `${ctx.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(ctx.cardSecret).sign(a.registration_no)}`,
    // The card prints BKN's standing rules itself; Palu adds none for now.
    rules: [],
  });
}
