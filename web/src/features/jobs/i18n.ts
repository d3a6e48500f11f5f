/** Texts under `jobs.`, loaded with the background-jobs page, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('jobs', { id: () => import('./locales/jobs.id.ts'), en: () => import('./locales/jobs.en.ts') });
