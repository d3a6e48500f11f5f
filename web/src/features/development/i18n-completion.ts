/** Texts under `devc.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('devc', { id: () => import('./locales/devc.id.ts'), en: () => import('./locales/devc.en.ts') });
