/** Texts under `rec.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('rec', { id: () => import('./locales/rec.id.ts'), en: () => import('./locales/rec.en.ts') });
