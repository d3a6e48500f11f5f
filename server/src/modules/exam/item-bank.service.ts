/**
 * The question bank and blueprints (kisi-kisi), for exam admins only. Items are versioned: a
 * version that was ever delivered in a participant's form is frozen, so editing a delivered item
 * creates version n+1 (new forms use it; old attempts keep scoring against theirs), while editing
 * a version nobody has seen yet updates it in place. Every read and export is audit-logged.
 */
import { bindUseCases } from '../../platform/context.ts';
import { createBlueprint, getBlueprint, listBlueprints, updateBlueprint } from './blueprints.ts';
import { createItem, exportItems, getItem, listItems, retireItem, updateItem } from './item-bank-items.ts';
import { insertItem, type ItemBankContext } from './item-bank.shared.ts';
import { importItems } from './item-import.ts';

export { type ItemFilter, presentBlueprint } from './item-bank.shared.ts';

export type ItemBankDeps = ItemBankContext;

/** The item bank's and blueprints' use-cases bound to one context. */
export function createItemBankService(deps: ItemBankDeps) {
  return bindUseCases(deps, {
    insertItem,
    createItem,
    updateItem,
    retireItem,
    getItem,
    listItems,
    exportItems,
    importItems,
    listBlueprints,
    getBlueprint,
    createBlueprint,
    updateBlueprint,
  });
}

export type ItemBankService = ReturnType<typeof createItemBankService>;
