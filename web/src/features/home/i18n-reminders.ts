/** Texts under `hmn.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('hmn', { id: () => import('./locales/hmn.id.ts'), en: () => import('./locales/hmn.en.ts') });
