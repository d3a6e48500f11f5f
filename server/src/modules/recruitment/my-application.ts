/** The applicant's own view of their applications: status as published, documents, sanggah and exam seat. */
import type { Actor } from '../identity/index.ts';
import { type DocumentKind, type RecruitmentRuleSet, sanggahLimits, tmsReasonLabel } from './domain/index.ts';
import { cardLinks } from './application-workflow.ts';
import { ownApplication, presentFormation, presentPeriod, type RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'publicUrl' | 'cardSecret'>;
type DocumentRow = Awaited<ReturnType<typeof repo.documents>>[number];

/** Every application of the applicant, each in the applicant's own view. */
export async function myApplications(ctx: Ctx, actor: Actor) {
  const apps = await repo.applicationsOf(ctx.db, actor.accountId);
  return Promise.all(apps.map((a) => myApplication(ctx, actor, a.id)));
}

/** The applicant's own view: status as published (never a verifier's unpublished verdict). */
export async function myApplication(ctx: Ctx, actor: Actor, id: string) {
  const a = await ownApplication(ctx.db, actor, id);
  const [formation, period, docs, objection, seat] = await Promise.all([
    repo.formation(ctx.db, a.formation_id),
    repo.period(ctx.db, a.period_id),
    repo.documents(ctx.db, a.id),
    repo.objectionOf(ctx.db, a.id),
    // The exam's date and place, on screen as on the card, once a participant number is given.
    a.participant_no ? repo.examSeat(ctx.db, a.id) : undefined,
  ]);
  const ruleSet = period!.rule_set as RecruitmentRuleSet;
  const published = a.published_result !== null;
  const visibleStatus = !published && ['ms', 'tms'].includes(a.status) ? 'submitted' : a.status;
  return {
    id: a.id,
    registrationNo: a.registration_no,
    status: visibleStatus,
    result: a.published_result,
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
    participantNo: a.participant_no,
    /** The public page the QR code on the applicant's cards opens. */
    cardCheckUrl:
      a.status === 'draft'
        ? null
        : `${ctx.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(ctx.cardSecret).sign(a.registration_no)}`,
    period: presentPeriod(period!),
    formation: presentFormation({ ...formation!, applicants: 0 }),
    documents: documentsView(ruleSet, docs, published),
    /** The period's sanggah limits, so the form says and enforces what the server will. */
    objectionLimits: (({ reasonChars, evidenceMaxBytes }) => ({ reasonChars, evidenceMaxBytes }))(
      sanggahLimits(ruleSet),
    ),
    exam: seat
      ? {
          siteName: seat.name,
          siteAddress: seat.address,
          startsAt: new Date(seat.starts_at).toISOString(),
          durationMinutes: seat.duration_minutes,
          extraMinutes: seat.extra_minutes,
          seat: seat.seat,
        }
      : null,
    objection: objection
      ? {
          status: objection.status,
          reason: objection.reason,
          filedAt: new Date(objection.filed_at).toISOString(),
          deadlineAt: new Date(objection.deadline_at).toISOString(),
          response: objection.response,
        }
      : null,
  };
}

/** Every document the rule set asks for, with the upload and, once published, its verdict. */
function documentsView(ruleSet: RecruitmentRuleSet, docs: DocumentRow[], published: boolean) {
  return (
    Object.entries(ruleSet.uploadLimits) as [DocumentKind, RecruitmentRuleSet['uploadLimits'][DocumentKind]][]
  ).map(([kind, rule]) => {
    const d = docs.find((x) => x.kind === kind);
    return {
      kind,
      label: rule.label,
      required: rule.required,
      mime: rule.mime,
      maxBytes: rule.maxBytes,
      uploaded: d
        ? {
            size: d.size_bytes,
            mime: d.mime,
            uploadedAt: new Date(d.uploaded_at).toISOString(),
            originalName: d.original_name,
          }
        : null,
      // Per-document verdicts are shown only once the result is published.
      verdict: published && d ? d.verdict : null,
      reason:
        published && d && d.verdict === 'tms'
          ? { code: d.reason_code, label: tmsReasonLabel(d.reason_code), text: d.reason_text }
          : null,
    };
  });
}
