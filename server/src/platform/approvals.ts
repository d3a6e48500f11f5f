/**
 * The two-person rule (RULES.md §0.1, §1.7): what one person proposes — an announcement, a result
 * publication, and next a certificate batch or a policy's closure — takes effect only when someone
 * else approves it, and a decision is final. Every module decides proposals through this check.
 */
import { msg } from '../../../common/contracts/messages.ts';
import { AppError } from '../errors.ts';

export interface Proposal {
  status: string;
  proposed_by: string | null;
}

/**
 * Refuses a decision on a proposal that was already decided, or by the person who proposed it.
 * `who` names the body the second person must come from ("anggota panitia lain").
 */
export function assertSecondPerson(proposal: Proposal, deciderId: string, who: { id: string; en: string }): void {
  if (proposal.status !== 'proposed')
    throw new AppError(
      'CONFLICT',
      msg(
        'Usulan ini sudah diputuskan dan tidak dapat diubah.',
        'This proposal was already decided and cannot change.',
      ),
    );
  if (proposal.proposed_by === deciderId)
    throw new AppError(
      'CONFLICT',
      msg(`Persetujuan harus oleh ${who.id} (prinsip dua orang).`, `${who.en} must approve (two-person rule).`),
    );
}

/** The second committee member of a selection committee (announcements, publications). */
export const ANOTHER_COMMITTEE_MEMBER = { id: 'anggota panitia lain', en: 'Another committee member' };
