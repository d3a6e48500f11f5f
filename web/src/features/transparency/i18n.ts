/** Texts under `aud.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('aud', { id: () => import('./locales/aud.id.ts'), en: () => import('./locales/aud.en.ts') });
