/**
 * Public forums (forum konsultasi publik, PermenPANRB 16/2017, RULES.md §5.3): the committee or
 * BKPSDM schedules a forum with its topic, agenda and capacity; signed-in people register while
 * seats remain (checked under the forum's lock); after it is held the minutes and follow-up actions
 * (owner, deadline) are published and each action is tracked to done. The archive is public;
 * registrants appear only as a count.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ForumBody, ForumMinutesBody } from '../../../../common/contracts/participation.ts';
import { dayNumber, localDate } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { presentForum, presentForumAction } from './participation.presenter.ts';
import { participationRepository as repo } from './participation.repository.ts';

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });

export function createForumsService(deps: { db: Kysely<DB>; clock: Clock; ids: Ids; audit: AuditService }) {
  const { db, clock, ids, audit } = deps;
  const presentActions = (rows: Awaited<ReturnType<typeof repo.actions>>) => {
    const today = localDate(clock.now());
    return rows.map((a) => presentForumAction(a, today));
  };
  const present = presentForum;

  return {
    async list() {
      const [forums, actions] = await Promise.all([repo.forums(db), repo.actions(db)]);
      return forums.map((f) => {
        const mine = presentActions(actions.filter((a) => a.forum_id === f.id));
        return { ...present(f), actions: { total: mine.length, done: mine.filter((a) => a.status === 'done').length, late: mine.filter((a) => a.late).length } };
      });
    },
    async view(id: string, actor: Actor | null) {
      const f = await repo.forum(db, id);
      if (!f) throw notFound();
      return { ...present(f), registeredMe: actor ? await repo.isRegistered(db, id, actor.accountId) : false, actions: presentActions(await repo.actions(db, id)) };
    },
    async create(actor: Actor, body: z.infer<typeof ForumBody>) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        await repo.insertForum(trx, { id, title: body.title, topic: body.topic, agenda: body.agenda, held_at: new Date(body.heldAt), venue: body.venue, mode: body.mode, capacity: body.capacity, status: 'scheduled', minutes: null, created_by: actor.accountId, created_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'forum.create', subjectType: 'forum', subjectId: id, after: { title: body.title, heldAt: body.heldAt, capacity: body.capacity } });
      });
      return { id };
    },
    /** Registers the caller while seats remain and the forum has not started. */
    async register(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const f = await repo.lockForum(trx, id);
        if (!f) throw notFound();
        if (f.status !== 'scheduled' || new Date(f.held_at).getTime() <= clock.now().getTime()) throw new AppError('CONFLICT', msg('Pendaftaran forum ini sudah ditutup.', 'Registration for this forum is closed.'));
        if ((await repo.registrationCount(trx, id)) >= f.capacity) throw new AppError('CONFLICT', msg(`Kapasitas forum penuh (${f.capacity} peserta).`, `The forum is full (${f.capacity} participants).`));
        if (!(await repo.register(trx, id, actor.accountId, clock.now()))) throw new AppError('CONFLICT', msg('Anda sudah terdaftar di forum ini.', 'You are already registered for this forum.'));
        await audit.record(trx, { actor: actorOf(actor), action: 'forum.register', subjectType: 'forum', subjectId: id });
      });
    },
    async unregister(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.unregister(trx, id, actor.accountId))) throw notFound();
        await audit.record(trx, { actor: actorOf(actor), action: 'forum.unregister', subjectType: 'forum', subjectId: id });
      });
    },
    /** The minutes and follow-up actions, once the forum has taken place. */
    async minutes(actor: Actor, id: string, body: z.infer<typeof ForumMinutesBody>) {
      await db.transaction().execute(async (trx) => {
        const f = await repo.lockForum(trx, id);
        if (!f) throw notFound();
        if (f.status !== 'scheduled') throw new AppError('CONFLICT', msg('Notulen forum ini sudah diterbitkan.', 'This forum’s minutes are already published.'));
        if (new Date(f.held_at).getTime() > clock.now().getTime()) throw new AppError('CONFLICT', msg('Notulen diterbitkan setelah forum berlangsung.', 'Minutes are published after the forum takes place.'));
        await repo.updateForum(trx, id, { status: 'held', minutes: body.minutes });
        await repo.insertActions(trx, body.actions.map((a) => ({ id: ids.uuid(), forum_id: id, description: a.description, owner: a.owner, due_on: a.dueOn, status: 'open', done_at: null, done_note: null })));
        await audit.record(trx, { actor: actorOf(actor), action: 'forum.minutes', subjectType: 'forum', subjectId: id, before: { status: 'scheduled' }, after: { status: 'held', actions: body.actions.length } });
      });
    },
    async actionDone(actor: Actor, actionId: string, note: string) {
      await db.transaction().execute(async (trx) => {
        const a = await repo.lockAction(trx, actionId);
        if (!a) throw notFound();
        if (a.status === 'done') throw new AppError('CONFLICT', msg('Tindak lanjut ini sudah selesai.', 'This action is already done.'));
        await repo.updateAction(trx, actionId, { status: 'done', done_at: clock.now(), done_note: note });
        await audit.record(trx, { actor: actorOf(actor), action: 'forum.action.done', subjectType: 'forum_action', subjectId: actionId, before: { status: 'open' }, after: { status: 'done', late: dayNumber(localDate(clock.now())) > dayNumber(a.due_on) } });
      });
    },
  };
}

export type ForumsService = ReturnType<typeof createForumsService>;
