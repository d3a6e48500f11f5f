/** SQL for the audit log. Takes the executor first so the caller's transaction is used. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AuditEventRow } from '../../db/schema.ts';

const AUDIT_LOCK = 7_271_002;

export const auditRepository = {
  /** Serializes appenders until the transaction ends, so seq and prev_hash stay a chain. */
  async lockChain(trx: Executor) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  },

  async last(trx: Executor) {
    return trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  },

  async insert(trx: Executor, rows: AuditEventRow[]) {
    await trx.insertInto('audit_events').values(rows).execute();
  },

  /** Events in seq order, a page at a time (verification walks the whole log without holding it all). */
  async page(db: Executor, afterSeq: number, limit: number) {
    return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  },

  async count(db: Executor) {
    const r = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async checkpoints(db: Executor, limit = 1000) {
    return db
      .selectFrom('audit_checkpoints')
      .innerJoin('audit_keys', 'audit_keys.key_id', 'audit_checkpoints.key_id')
      .select([
        'audit_checkpoints.tree_size',
        'audit_checkpoints.root_hash',
        'audit_checkpoints.key_id',
        'audit_checkpoints.signature',
        'audit_checkpoints.created_at',
        'audit_keys.public_key_pem',
      ])
      .orderBy('audit_checkpoints.tree_size', 'desc')
      .limit(limit)
      .execute();
  },

  async lastCheckpointSize(db: Executor) {
    const r = await db
      .selectFrom('audit_checkpoints')
      .select('tree_size')
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.tree_size ?? 0;
  },

  async insertCheckpoint(
    db: Executor,
    row: { tree_size: number; root_hash: string; key_id: string; signature: string },
  ) {
    await db
      .insertInto('audit_checkpoints')
      .values(row)
      .onConflict((oc) => oc.column('tree_size').doNothing())
      .execute();
  },

  async ensureKey(db: Executor, keyId: string, publicKeyPem: string) {
    await db
      .insertInto('audit_keys')
      .values({ key_id: keyId, public_key_pem: publicKeyPem })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  },
};
