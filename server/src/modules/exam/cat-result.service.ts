/** The participant's result and certificate (PDF with a signed QR), and the public certificate check. */
import { formatWitaDate } from '../../../../common/rules/wita.ts';
import { notFound } from '../../errors.ts';
import { createLinkSigner } from '../../platform/documents/signed-links.ts';
import { renderScoreCertificate } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import { attemptsRepository } from './attempts.repository.ts';
import { type CatCore, presentScore } from './cat-shared.ts';

export function createCatResults(core: CatCore) {
  const { db, clock } = core.deps;
  const certificateLinks = createLinkSigner(core.deps.cardSecret, 'cat-cert');
  const certificateSignature = (attemptId: string) => certificateLinks.sign(attemptId);

  async function result(actor: Actor) {
    const newest = await attemptsRepository.newestSubmittedOf(db, actor.accountId);
    const a = newest && (await core.judgedAttempt(db, newest.id));
    if (!a) throw notFound();
    return {
      attemptId: a.id,
      participantNo: a.participant_no,
      submittedAt: new Date(a.submitted_at!).toISOString(),
      submittedBy: a.submitted_by,
      ...presentScore(a.score),
    };
  }

  return {
    result,
    certificateSignature,

    async certificate(actor: Actor) {
      const r = await result(actor);
      const a = await attemptsRepository.certificateFacts(db, r.attemptId);
      return renderScoreCertificate(
        {
          year: a.year,
          participantNo: r.participantNo ?? '-',
          fullName: a.full_name,
          examName: a.exam_name,
          dateText: formatWitaDate(new Date(a.started_at)),
          scores: [
            { label: 'TWK', value: r.twk },
            { label: 'TIU', value: r.tiu },
            { label: 'TKP', value: r.tkp },
          ],
          total: r.total,
          passed: r.passed === true,
          thresholdText: r.thresholdText ?? '-',
          verifyUrl: `${core.deps.publicUrl}/sertifikat-cat/${r.attemptId}?s=${certificateSignature(r.attemptId)}`,
        },
        { now: clock.now() },
      );
    },

    /** Public QR check of a certificate: the scores and pass/fail only, never the name. */
    async verifyCertificate(attemptId: string, signature: string) {
      if (!certificateLinks.verify(attemptId, signature)) throw notFound();
      const a = await core.judgedAttempt(db, attemptId);
      if (!a) throw notFound();
      const s = a.score;
      return {
        attemptId,
        participantNo: a.participant_no,
        submittedAt: new Date(a.submitted_at!).toISOString(),
        twk: s.twk,
        tiu: s.tiu,
        tkp: s.tkp,
        total: s.total,
        passed: s.passed,
      };
    },
  };
}
