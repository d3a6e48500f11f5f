/**
 * Named reads other modules may call (the home): what one account takes part in — the forums it
 * registered for and its consultation comments. One source for the home's counts and the
 * participant's own list, so the two never disagree.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { consultationState } from './domain/diff.ts';
import { participationRepository as repo } from './participation.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The account's forum registrations and consultation comments, as of `now`. */
export async function myParticipation(db: Kysely<DB>, accountId: string, now: Date) {
  const [forums, comments] = await Promise.all([repo.forumsOfAccount(db, accountId), repo.commentsOfAccount(db, accountId)]);
  return {
    forums: forums.map((f) => ({
      id: f.id, title: f.title, heldAt: iso(f.held_at), venue: f.venue, mode: f.mode, status: f.status,
      upcoming: f.status === 'scheduled' && new Date(f.held_at).getTime() > now.getTime(),
    })),
    comments: comments.map((x) => ({
      id: x.id, consultationId: x.consultation_id, consultationTitle: x.title, sectionHeading: x.heading,
      consultationState: consultationState({ status: x.consultation_status, opens_at: x.opens_at, closes_at: x.closes_at }, now),
      status: x.status, answered: x.answer !== null, createdAt: iso(x.created_at),
    })),
  };
}
export type MyParticipation = Awaited<ReturnType<typeof myParticipation>>;
