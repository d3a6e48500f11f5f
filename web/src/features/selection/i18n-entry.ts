/** Texts under `selx.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('selx', { id: () => import('./locales/selx.id.ts'), en: () => import('./locales/selx.en.ts') });
