/** The registration card (PDF) and what its signed QR link shows the public. */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Profile } from '../../../../common/contracts/recruitment.ts';
import { maskNik } from '../../../../common/rules/nik.ts';
import { formatCalendarDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { AppError, notFound } from '../../errors.ts';
import { renderRegistrationCard } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import { cardLinks } from './application-workflow.ts';
import { ownApplication, type RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

/** The applicant's registration card once submitted: masked NIK, photo, and the signed QR link. */
export async function registrationCard(
  ctx: Pick<RecruitmentContext, 'db' | 'files' | 'publicUrl' | 'cardSecret'>,
  actor: Actor,
  id: string,
) {
  const { db } = ctx;
  const a = await ownApplication(db, actor, id);
  if (a.status === 'draft' || a.status === 'withdrawn')
    throw new AppError(
      'CONFLICT',
      msg(
        'Kartu pendaftaran tersedia setelah lamaran dikirim.',
        'The registration card is available after you submit.',
      ),
    );
  const [formation, period, account, photo] = await Promise.all([
    repo.formation(db, a.formation_id),
    repo.period(db, a.period_id),
    repo.accountCard(db, a.applicant_id),
    repo.document(db, id, 'pas_foto'),
  ]);
  return renderRegistrationCard({
    periodName: period!.name,
    registrationNo: a.registration_no,
    fullName: (a.biodata as Profile | null)?.nameOnIjazah ?? account.full_name,
    nikMasked: maskNik(account.nik ?? ''),
    birthPlace: account.birth_place ?? '-',
    birthDateText: formatCalendarDate(account.birth_date),
    formation: {
      jabatan: formation!.jabatan,
      organizationName: formation!.organization_name,
      needType: formation!.need_type,
      educationLevel: formation!.education_levels.join('/'),
    },
    submittedAtText: a.submitted_at ? formatWitaDateTime(new Date(a.submitted_at)) : '-',
    ...(photo ? { photoJpeg: await ctx.files.get(photo.file_key) } : {}),
    verifyUrl: `${ctx.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(ctx.cardSecret).sign(a.registration_no)}`,
  });
}

/** What the QR on a card shows the public: only non-personal facts, and only with the signature. */
export async function verifyCard(
  ctx: Pick<RecruitmentContext, 'db' | 'cardSecret'>,
  registrationNo: string,
  signature: string,
) {
  if (!cardLinks(ctx.cardSecret).verify(registrationNo, signature)) throw notFound();
  const a = await repo.applicationByRegistrationNo(ctx.db, registrationNo);
  if (!a || a.status === 'draft') throw notFound();
  const [formation, period] = await Promise.all([
    repo.formation(ctx.db, a.formation_id),
    repo.period(ctx.db, a.period_id),
  ]);
  return {
    registrationNo: a.registration_no,
    participantNo: a.participant_no,
    periodName: period!.name,
    jabatan: formation!.jabatan,
    organizationName: formation!.organization_name,
    submitted: a.submitted_at !== null,
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
    administrationResult: a.published_result,
  };
}
