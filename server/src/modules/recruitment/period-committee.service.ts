/**
 * The Panitia Seleksi Daerah of each period, as its SK names it. A committee account acts only on
 * the periods whose committee it sits on: whoever opens a period joins it, and the admin adds or
 * removes members (a committee member cannot co-opt a second "member" to pass the two-person
 * rule alone). `mayAct` is what the access hook asks for every period-scoped committee route.
 */
import { bindUseCases } from '../../platform/context.ts';
import {
  addMember,
  committeeAccounts,
  mayAct,
  members,
  periodsOf,
  registerScope,
  removeMember,
} from './period-committee.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

/** The committee use-cases bound to one context with this instance's registry of period resolvers. */
export function createPeriodCommitteeService(deps: Pick<RecruitmentContext, 'db' | 'audit'>) {
  const ctx = { ...deps, resolvers: new Map() as RecruitmentContext['resolvers'] };
  return bindUseCases(ctx, { registerScope, mayAct, periodsOf, members, addMember, removeMember, committeeAccounts });
}

export type PeriodCommitteeService = ReturnType<typeof createPeriodCommitteeService>;
