/** Texts under `prt.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('prt', { id: () => import('./locales/prt.id.ts'), en: () => import('./locales/prt.en.ts') });
