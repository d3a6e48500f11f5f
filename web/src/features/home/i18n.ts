/** Texts under `hm.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('hm', { id: () => import('./locales/hm.id.ts'), en: () => import('./locales/hm.en.ts') });
