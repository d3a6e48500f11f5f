/** Texts under `dev.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('dev', { id: () => import('./locales/dev.id.ts'), en: () => import('./locales/dev.en.ts') });
