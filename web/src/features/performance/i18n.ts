/** Texts under `skp.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('skp', { id: () => import('./locales/skp.id.ts'), en: () => import('./locales/skp.en.ts') });
