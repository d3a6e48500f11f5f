/** The `aud.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { audId } from './aud.id.ts';

export const audEn: Texts<typeof audId> = {
  filters: 'Filter events',
  area: 'Area',
  areaAll: 'All areas',
  role: 'Actor (role)',
  roleAll: 'All roles',
  from: 'From',
  to: 'To',
  text: 'Search (action code or subject id)',
  apply: 'Apply',
  reset: 'Clear filters',
  shown: '{{shown}} of {{total}} events',
  csv: 'Download CSV (filtered events)',
  truncated: 'Showing the first {{count}} events of the log; download everything through the API /api/v1/public/audit/events.',
  actors: { reporter: 'Reporter (pseudonym per report)', public: 'Public', anonymous: 'No account' },
  areas: { account: 'Accounts', session: 'Sign-ins', application: 'Applications', document: 'Documents', verification: 'Verification', announcement: 'Announcements', objection: 'Objections', period: 'Periods', formation: 'Formations', exam_site: 'Exam sites', exam_session: 'Exam sessions', exam: 'Exam schedule', cat: 'CAT exam', item: 'Item bank', blueprint: 'Blueprints', publication: 'Result publications', skd: 'SKD scores', skb: 'SKB scores', thresholds: 'Passing grades', selection: 'Selection', profile: 'Profiles', assessment: 'Training tests', complaint: 'Complaints', consultation: 'Public consultations', employee: 'Employee records', forum: 'Public forums', holiday: 'Holidays', holiday_year: 'Holiday calendar', login: 'Sign-in limits', jp_claim: 'JP claims', observer: 'Observers', participation: 'Participation settings', performance: 'Performance', policy: 'Policy follow-up', probation: 'Probation', skp: 'SKP', survey: 'Satisfaction surveys', training: 'Training' },
};

export default audEn;
