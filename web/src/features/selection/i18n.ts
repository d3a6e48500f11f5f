/** Texts under `sel.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('sel', { id: () => import('./locales/sel.id.ts'), en: () => import('./locales/sel.en.ts') });
