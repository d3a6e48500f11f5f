/**
 * Drawing a participant's form from the live bank, for the CAT and training tests alike: each
 * unretired item at its current version, dealt by the blueprint with a seed that the attempt keeps
 * (so the same form comes back). A bank too small for the blueprint is a conflict naming the section.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { attemptsRepository } from './attempts.repository.ts';
import {
  type BankEntry,
  type Blueprint,
  deriveForm,
  type FormItem,
  InsufficientBankError,
  type ItemContent,
} from './domain/index.ts';

export async function drawForm(
  ex: Executor,
  blueprint: Blueprint,
  seed: string,
  blueprintName?: string,
): Promise<FormItem[]> {
  const bank: BankEntry[] = (await attemptsRepository.bankOf(ex, blueprint.examType)).map((r) => ({
    itemId: r.id,
    version: r.current_version,
    subtest: r.subtest as BankEntry['subtest'],
    category: r.category,
    optionKeys: (r.content as ItemContent).options.map((o) => o.key),
  }));
  try {
    return deriveForm(bank, blueprint, seed);
  } catch (err) {
    if (!(err instanceof InsufficientBankError)) throw err;
    const section = err.section.category ? `${err.section.subtest}/${err.section.category}` : err.section.subtest;
    const name = blueprintName ? ` ${blueprintName}` : '';
    throw new AppError(
      'CONFLICT',
      msg(
        `Bank soal belum cukup untuk kisi-kisi${name} (${section}: ${err.available} soal). Hubungi admin bank soal.`,
        `The item bank cannot fill the blueprint${name} (${section}: ${err.available} items). Contact the exam admin.`,
      ),
    );
  }
}
