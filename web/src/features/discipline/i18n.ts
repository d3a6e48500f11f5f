/** Texts under `disc.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('disc', { id: () => import('./locales/disc.id.ts'), en: () => import('./locales/disc.en.ts') });
