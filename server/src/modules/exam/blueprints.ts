/** Blueprints (kisi-kisi): list, read, create, and change while no session used one. */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { type Blueprint, BlueprintSchema } from './domain/index.ts';
import { actorOf, type ItemBankContext, presentBlueprint } from './item-bank.shared.ts';
import { itemBankRepository } from './item-bank.repository.ts';

/** Every blueprint, for the bank and the proctors choosing one. */
export async function listBlueprints(ctx: ItemBankContext) {
  const rows = await itemBankRepository.blueprints(ctx.db);
  return rows.map(presentBlueprint);
}

/** One blueprint. */
export async function getBlueprint(ctx: ItemBankContext, id: string) {
  const b = await itemBankRepository.blueprint(ctx.db, id);
  if (!b) throw notFound();
  return presentBlueprint(b);
}

/** Adds a blueprint (checked against the write rules even from the seed); a null actor is the seed. */
export async function createBlueprint(ctx: ItemBankContext, actor: Actor | null, blueprint: Blueprint) {
  const parsed = BlueprintSchema.parse(blueprint) as Blueprint;
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await itemBankRepository.insertBlueprint(trx, {
      id,
      name: parsed.name,
      exam_type: parsed.examType,
      content: JSON.stringify(parsed),
      created_by: actor?.accountId ?? null,
    });
    await ctx.audit.record(trx, {
      actor: actor ? actorOf(actor) : { id: null, role: 'system' },
      action: 'blueprint.create',
      subjectType: 'blueprint',
      subjectId: id,
      after: parsed,
    });
  });
  return getBlueprint(ctx, id);
}

/** Changes a blueprint while no opened CAT session uses it. */
export async function updateBlueprint(ctx: ItemBankContext, actor: Actor, id: string, blueprint: Blueprint) {
  await ctx.db.transaction().execute(async (trx) => {
    const b = await itemBankRepository.blueprintForUpdate(trx, id);
    if (!b) throw notFound();
    // A blueprint in use by an opened CAT session is history: make a new one instead.
    if (await itemBankRepository.blueprintInUse(trx, id))
      throw new AppError(
        'CONFLICT',
        msg(
          'Kisi-kisi ini sudah dipakai sesi ujian dan tidak dapat diubah. Buat kisi-kisi baru.',
          'This blueprint was used by an exam session and cannot change. Create a new one.',
        ),
      );
    await itemBankRepository.updateBlueprint(trx, id, {
      name: blueprint.name,
      exam_type: blueprint.examType,
      content: JSON.stringify(blueprint),
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'blueprint.update',
      subjectType: 'blueprint',
      subjectId: id,
      before: b.content,
      after: blueprint,
    });
  });
  return getBlueprint(ctx, id);
}
