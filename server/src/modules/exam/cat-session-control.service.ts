/**
 * Opening a CAT session (a blueprint and a fresh token, shown in the hall; opening again issues a
 * new token) and closing it to new sign-ins, which records an SKD session's no-shows absent.
 */
import { randomInt } from 'node:crypto';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { requireProctor } from './cat-sessions.service.ts';
import { actorOf, type CatCore, conflict, hashToken } from './cat-shared.ts';
import type { Blueprint } from './domain/index.ts';
import { proctorConsoleRepository as repo } from './proctor-console.repository.ts';

const TOKEN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud in a hall

export function createSessionControl(core: CatCore) {
  const { db, clock, audit } = core.deps;
  return {
    async openSession(
      actor: Actor,
      sessionId: string,
      body: { blueprintId: string; graceSeconds?: number | undefined },
    ) {
      const token = Array.from({ length: 6 }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.examSessionExists(trx, sessionId))) throw notFound();
        await requireProctor(trx, actor, sessionId);
        const examType = await repo.blueprintType(trx, body.blueprintId);
        if (!examType) throw notFound();
        // A training's pre/post-test blueprint draws training items only: never a selection exam.
        if (examType === 'PELATIHAN')
          throw conflict(
            'Kisi-kisi ini untuk pre-test/post-test pelatihan, bukan ujian seleksi. Pilih kisi-kisi SKD, SKB, atau PPPK.',
            'This blueprint is for a training pre/post-test, not a selection exam. Choose an SKD, SKB or PPPK blueprint.',
          );
        const existing = await repo.catSessionForUpdate(trx, sessionId);
        if (existing?.closed_at) throw conflict('Sesi ini sudah ditutup.', 'This session is closed.');
        const started = await repo.anyAttempt(trx, sessionId);
        if (existing && started && existing.blueprint_id !== body.blueprintId)
          throw conflict(
            'Peserta sudah mulai: kisi-kisi sesi tidak dapat diganti. Token baru tetap dapat dibuat.',
            'Participants have started: the blueprint cannot change.',
          );
        const row = {
          blueprint_id: body.blueprintId,
          token_hash: hashToken(token),
          opened_at: clock.now(),
          opened_by: actor.accountId,
          grace_seconds: body.graceSeconds ?? existing?.grace_seconds ?? 30,
        };
        if (existing) await repo.updateCatSession(trx, sessionId, row);
        else await repo.insertCatSession(trx, { session_id: sessionId, ...row });
        await audit.record(trx, {
          actor: actorOf(actor),
          action: existing ? 'cat.session.new_token' : 'cat.session.open',
          subjectType: 'exam_session',
          subjectId: sessionId,
          after: { blueprintId: body.blueprintId, graceSeconds: row.grace_seconds },
        });
        await core.notify(trx, sessionId);
      });
      return { sessionId, token, graceSeconds: body.graceSeconds ?? 30 };
    },

    /**
     * Closes a session to new sign-ins. For an SKD session, everyone seated in it who never started
     * is recorded absent (TH) in the same transaction, so the ranking knows them; open attempts
     * still run to their deadline.
     */
    async closeSession(actor: Actor, sessionId: string) {
      let absent = 0;
      await db.transaction().execute(async (trx) => {
        await requireProctor(trx, actor, sessionId);
        if (!(await repo.closeCatSession(trx, sessionId, clock.now(), actor.accountId))) throw notFound();
        const blueprint = (await core.catSession(trx, sessionId))!.blueprint as Blueprint;
        if (blueprint.examType === 'SKD') {
          const seated = await repo.seatedWithoutAttempt(trx, sessionId);
          absent = seated.length;
          if (seated.length > 0)
            await core.deps.skd.recordSkdFromCat(
              trx,
              seated.map((a) => ({ applicationId: a.id, periodId: a.period_id, sessionId, scores: null })),
            );
          await audit.record(trx, {
            actor: actorOf(actor),
            action: 'cat.session.close',
            subjectType: 'exam_session',
            subjectId: sessionId,
            after: { absent: seated.map((a) => a.participant_no) },
          });
        } else {
          await audit.record(trx, {
            actor: actorOf(actor),
            action: 'cat.session.close',
            subjectType: 'exam_session',
            subjectId: sessionId,
          });
        }
        await core.notify(trx, sessionId);
      });
      return { ok: true as const, absent };
    },
  };
}
