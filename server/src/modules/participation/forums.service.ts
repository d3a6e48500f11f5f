/**
 * Public forums (forum konsultasi publik, PermenPANRB 16/2017, RULES.md §5.3): the committee or
 * BKPSDM schedules a forum with its topic, agenda and capacity; signed-in people register while
 * seats remain (checked under the forum's lock); after it is held the minutes and follow-up actions
 * (owner, deadline) are published and each action is tracked to done. The archive is public;
 * registrants appear only as a count.
 */
import { bindUseCases } from '../../platform/context.ts';
import {
  createForum,
  forumActionDone,
  listForums,
  publishMinutes,
  registerForForum,
  unregisterFromForum,
  viewForum,
} from './forums.ts';
import type { ParticipationContext } from './participation.shared.ts';

/** The forum use-cases bound to one context, for routes, tests and the seed. */
export const createForumsService = (ctx: ParticipationContext) =>
  bindUseCases(ctx, {
    list: listForums,
    view: viewForum,
    create: createForum,
    register: registerForForum,
    unregister: unregisterFromForum,
    minutes: publishMinutes,
    actionDone: forumActionDone,
  });

export type ForumsService = ReturnType<typeof createForumsService>;
