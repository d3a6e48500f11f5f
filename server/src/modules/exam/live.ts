/**
 * Live fan-out for one app instance: SSE subscribers per (kind, session) get a fresh snapshot when
 * the session changes anywhere in the cluster. Changes arrive as `NOTIFY merit_cat, '<sessionId>'`
 * (sent inside the committing transaction, so only committed state is announced); this instance
 * LISTENs lazily on the first subscriber, and again when that connection dies. Pushes are
 * debounced to at most one per `minIntervalMs` (1 s) per (kind, session), and the snapshot is
 * computed once per push for all its subscribers.
 */
import type { Database } from '../../db/database.ts';
import { CAT_CHANNEL } from './answer-writer.ts';

export type LiveKind = 'scoreboard' | 'proctor';
/** Live streams one instance holds open at most (issue 24 §7): each is a socket and a snapshot fan-out; beyond this, clients poll. */
export const LIVE_MAX_SUBSCRIBERS = 2000;
const RELISTEN_MS = 1000;
type Send = (data: unknown) => void;

interface Topic {
  subscribers: Set<Send>;
  lastPush: number;
  timer: NodeJS.Timeout | null;
}

/** Sends one fresh snapshot to every subscriber of a topic (computed once for all of them). */
async function pushTopic(
  topic: Topic | undefined,
  key: string,
  snapshot: (kind: LiveKind, sessionId: string) => Promise<unknown>,
  now: () => number,
) {
  if (!topic || topic.subscribers.size === 0) return;
  topic.lastPush = now();
  const [kind, sessionId] = key.split('|') as [LiveKind, string];
  try {
    const data = await snapshot(kind, sessionId);
    for (const send of topic.subscribers) send(data);
  } catch {
    // A failed snapshot (database restarting) is retried by the next change or the client's poll.
  }
}

/** Adds a subscriber to its topic (made on first use); the returned function removes it once and drops an emptied topic. */
function join(topics: Map<string, Topic>, key: string, send: Send, count: (delta: 1 | -1) => void): () => void {
  let found = topics.get(key);
  if (!found) {
    found = { subscribers: new Set(), lastPush: 0, timer: null };
    topics.set(key, found);
  }
  const topic = found;
  topic.subscribers.add(send);
  count(1);
  return () => {
    if (!topic.subscribers.delete(send)) return;
    count(-1);
    if (topic.subscribers.size === 0) {
      if (topic.timer) clearTimeout(topic.timer);
      topics.delete(key);
    }
  };
}

/** One instance's live fan-out: topics per (kind, session), the LISTEN connection, the subscriber cap. */
export function createLiveHub(opts: {
  database: Database;
  snapshot: (kind: LiveKind, sessionId: string) => Promise<unknown>;
  minIntervalMs?: number;
  now?: () => number;
  maxSubscribers?: number;
}) {
  const maxSubscribers = opts.maxSubscribers ?? LIVE_MAX_SUBSCRIBERS;
  let subscribers = 0;
  const minInterval = opts.minIntervalMs ?? 1000;
  const now = opts.now ?? (() => Date.now());
  const topics = new Map<string, Topic>();
  let listening: Promise<() => Promise<void>> | null = null;
  let closed = false;

  const keyOf = (kind: LiveKind, sessionId: string) => `${kind}|${sessionId}`;

  const push = (key: string) => pushTopic(topics.get(key), key, opts.snapshot, now);

  function changed(sessionId: string) {
    for (const kind of ['scoreboard', 'proctor'] as const) {
      const key = keyOf(kind, sessionId);
      const topic = topics.get(key);
      if (!topic || topic.subscribers.size === 0 || topic.timer) continue;
      const wait = Math.max(0, topic.lastPush + minInterval - now());
      topic.timer = setTimeout(() => {
        topic.timer = null;
        void push(key);
      }, wait);
    }
  }

  function ensureListening() {
    if (!listening && !closed) {
      listening = opts.database.listen(CAT_CHANNEL, (payload) => changed(payload), relisten);
      listening.catch(() => {
        listening = null;
        relisten();
      });
    }
    return listening;
  }

  /**
   * The LISTEN connection died (Postgres restarted) or could not be opened: listen again after a
   * moment, then refresh every open topic, since changes made meanwhile were not announced.
   */
  function relisten() {
    listening = null;
    if (closed) return;
    setTimeout(() => {
      if (closed || topics.size === 0) return; // the next subscriber listens again
      ensureListening()?.then(
        () => {
          for (const key of topics.keys()) changed(key.slice(key.indexOf('|') + 1));
        },
        () => {},
      );
    }, RELISTEN_MS).unref();
  }

  return {
    changed,
    /** Starts listening now (main.ts may call it at start-up; otherwise the first subscriber does). */
    async start() {
      await ensureListening();
    },
    /** Adds a subscriber; it gets a snapshot at once, then on every change. Returns unsubscribe. */
    async subscribe(kind: LiveKind, sessionId: string, send: Send): Promise<() => void> {
      await ensureListening();
      const key = keyOf(kind, sessionId);
      const unsubscribe = join(topics, key, send, (delta) => {
        subscribers += delta;
      });
      try {
        send(await opts.snapshot(kind, sessionId));
      } catch (err) {
        unsubscribe();
        throw err;
      }
      return unsubscribe;
    },
    subscriberCount: () => subscribers,
    /** True when this instance holds as many live streams as it allows; a new one is refused (the page polls instead). */
    full: () => subscribers >= maxSubscribers,
    async close() {
      closed = true;
      for (const t of topics.values()) if (t.timer) clearTimeout(t.timer);
      topics.clear();
      subscribers = 0;
      const l = listening;
      listening = null;
      if (l) await (await l.catch(() => async () => {}))();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
