import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey } from '../../features/recruitment/hooks.ts';
import type { Period } from '../../features/recruitment/types.ts';
import { Members } from './Members.tsx';
import '../../features/recruitment/i18n.ts';

/** The verifiers assigned to the period (they see its queue only while assigned); the committee assigns them. */
export function Verifiers({ period }: { period: Period }) {
  const { t } = useTranslation();
  return (
    <Members
      anchor="verifiers"
      queryKey={[...recKey, 'period-verifiers', period.id]}
      list={async () => (await recruitmentApi.periodVerifiers(period.id)).verifiers}
      edit={{
        candidatesKey: [...recKey, 'verifiers'],
        candidates: async () => (await recruitmentApi.verifiers()).verifiers,
        add: (id) => recruitmentApi.assignVerifier(period.id, id),
        remove: (id) => recruitmentApi.unassignVerifier(period.id, id),
      }}
      labels={{
        title: t('rec.com.verifiers'),
        lead: t('rec.com.verifiersLead'),
        none: t('rec.com.noVerifiers'),
        add: t('rec.com.verifierAdd'),
        assign: t('rec.com.verifierAssign'),
        assigned: (name) => t('rec.com.verifierAssigned', { name }),
        remove: t('rec.com.verifierRemove'),
        removeFor: (name) => t('rec.com.verifierRemoveFor', { name }),
        removed: (name) => t('rec.com.verifierRemoved', { name }),
        noneLeft: t('rec.com.verifierNoneLeft'),
      }}
    />
  );
}

/** The period's committee (SK Panitia): members act only on this period; the admin seats them. */
export function Committee({ period, me }: { period: Period; me: Me }) {
  const { t } = useTranslation();
  return (
    <Members
      anchor="committee"
      queryKey={[...recKey, 'period-committee', period.id]}
      list={async () => (await recruitmentApi.periodCommittee(period.id)).members}
      edit={
        me.role === 'admin'
          ? {
              candidatesKey: [...recKey, 'committee-accounts'],
              candidates: async () => (await recruitmentApi.committeeAccounts()).accounts,
              add: (id) => recruitmentApi.addCommitteeMember(period.id, id),
              remove: (id) => recruitmentApi.removeCommitteeMember(period.id, id),
            }
          : undefined
      }
      labels={{
        title: t('rec.com.committee'),
        lead: me.role === 'admin' ? t('rec.com.committeeLeadAdmin') : t('rec.com.committeeLead'),
        none: t('rec.com.noCommittee'),
        add: t('rec.com.committeeAdd'),
        assign: t('rec.com.committeeAssign'),
        assigned: (name) => t('rec.com.committeeAssigned', { name }),
        remove: t('rec.com.committeeRemove'),
        removeFor: (name) => t('rec.com.committeeRemoveFor', { name }),
        removed: (name) => t('rec.com.committeeRemoved', { name }),
        noneLeft: t('rec.com.committeeNoneLeft'),
      }}
    />
  );
}
