/** Forum use-cases: the public archive, scheduling, registration under the forum's lock, the minutes and their follow-up actions. */
import type { z } from 'zod';
import { msg } from '../../../../common/contracts/messages.ts';
import type { ForumBody, ForumMinutesBody } from '../../../../common/contracts/participation.ts';
import { dayNumber, localDate } from '../../../../common/rules/calendar.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { presentForum, presentForumAction } from './participation.presenter.ts';
import { actorOf, type ParticipationContext } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

const presentActions = (ctx: ParticipationContext, rows: Awaited<ReturnType<typeof repo.actions>>) => {
  const today = localDate(ctx.clock.now());
  return rows.map((a) => presentForumAction(a, today));
};

/** Every forum with the roll-up of its follow-up actions (done, late). */
export async function listForums(ctx: ParticipationContext) {
  const [forums, actions] = await Promise.all([repo.forums(ctx.db), repo.actions(ctx.db)]);
  return forums.map((f) => {
    const mine = presentActions(
      ctx,
      actions.filter((a) => a.forum_id === f.id),
    );
    return {
      ...presentForum(f),
      actions: {
        total: mine.length,
        done: mine.filter((a) => a.status === 'done').length,
        late: mine.filter((a) => a.late).length,
      },
    };
  });
}

/** One forum with its actions and whether the caller is registered. */
export async function viewForum(ctx: ParticipationContext, id: string, actor: Actor | null) {
  const f = await repo.forum(ctx.db, id);
  if (!f) throw notFound();
  return {
    ...presentForum(f),
    registeredMe: actor ? await repo.isRegistered(ctx.db, id, actor.accountId) : false,
    actions: presentActions(ctx, await repo.actions(ctx.db, id)),
  };
}

/** Schedules a forum with its topic, agenda and capacity. */
export async function createForum(ctx: ParticipationContext, actor: Actor, body: z.infer<typeof ForumBody>) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertForum(trx, {
      id,
      title: body.title,
      topic: body.topic,
      agenda: body.agenda,
      held_at: new Date(body.heldAt),
      venue: body.venue,
      mode: body.mode,
      capacity: body.capacity,
      status: 'scheduled',
      minutes: null,
      created_by: actor.accountId,
      created_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'forum.create',
      subjectType: 'forum',
      subjectId: id,
      after: { title: body.title, heldAt: body.heldAt, capacity: body.capacity },
    });
  });
  return { id };
}

/** Registers the caller while seats remain and the forum has not started. */
export async function registerForForum(ctx: ParticipationContext, actor: Actor, id: string) {
  const { clock } = ctx;
  await ctx.db.transaction().execute(async (trx) => {
    const f = await repo.lockForum(trx, id);
    if (!f) throw notFound();
    if (f.status !== 'scheduled' || new Date(f.held_at).getTime() <= clock.now().getTime())
      throw new AppError(
        'CONFLICT',
        msg('Pendaftaran forum ini sudah ditutup.', 'Registration for this forum is closed.'),
      );
    if ((await repo.registrationCount(trx, id)) >= f.capacity)
      throw new AppError(
        'CONFLICT',
        msg(`Kapasitas forum penuh (${f.capacity} peserta).`, `The forum is full (${f.capacity} participants).`),
      );
    if (!(await repo.register(trx, id, actor.accountId, clock.now())))
      throw new AppError(
        'CONFLICT',
        msg('Anda sudah terdaftar di forum ini.', 'You are already registered for this forum.'),
      );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'forum.register',
      subjectType: 'forum',
      subjectId: id,
    });
  });
}

/** Cancels the caller's registration (NOT_FOUND when there is none). */
export async function unregisterFromForum(ctx: ParticipationContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.unregister(trx, id, actor.accountId))) throw notFound();
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'forum.unregister',
      subjectType: 'forum',
      subjectId: id,
    });
  });
}

/** The minutes and follow-up actions, once the forum has taken place. */
export async function publishMinutes(
  ctx: ParticipationContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ForumMinutesBody>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const f = await repo.lockForum(trx, id);
    if (!f) throw notFound();
    if (f.status !== 'scheduled')
      throw new AppError(
        'CONFLICT',
        msg('Notulen forum ini sudah diterbitkan.', 'This forum’s minutes are already published.'),
      );
    if (new Date(f.held_at).getTime() > ctx.clock.now().getTime())
      throw new AppError(
        'CONFLICT',
        msg('Notulen diterbitkan setelah forum berlangsung.', 'Minutes are published after the forum takes place.'),
      );
    await repo.updateForum(trx, id, { status: 'held', minutes: body.minutes });
    await repo.insertActions(
      trx,
      body.actions.map((a) => ({
        id: ctx.ids.uuid(),
        forum_id: id,
        description: a.description,
        owner: a.owner,
        due_on: a.dueOn,
        status: 'open',
        done_at: null,
        done_note: null,
      })),
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'forum.minutes',
      subjectType: 'forum',
      subjectId: id,
      before: { status: 'scheduled' },
      after: { status: 'held', actions: body.actions.length },
    });
  });
}

/** Marks a follow-up action done with a note; lateness goes into the audit log. */
export async function forumActionDone(ctx: ParticipationContext, actor: Actor, actionId: string, note: string) {
  const { clock } = ctx;
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockAction(trx, actionId);
    if (!a) throw notFound();
    if (a.status === 'done')
      throw new AppError('CONFLICT', msg('Tindak lanjut ini sudah selesai.', 'This action is already done.'));
    await repo.updateAction(trx, actionId, { status: 'done', done_at: clock.now(), done_note: note });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'forum.action.done',
      subjectType: 'forum_action',
      subjectId: actionId,
      before: { status: 'open' },
      after: { status: 'done', late: dayNumber(localDate(clock.now())) > dayNumber(a.due_on) },
    });
  });
}
