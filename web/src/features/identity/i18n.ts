/** Texts under `acc.`, `idsec.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('acc', { id: () => import('./locales/acc.id.ts'), en: () => import('./locales/acc.en.ts') });
await featureTexts('idsec', { id: () => import('./locales/idsec.id.ts'), en: () => import('./locales/idsec.en.ts') });
