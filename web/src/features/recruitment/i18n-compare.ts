/** Texts under `recv.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('recv', { id: () => import('./locales/recv.id.ts'), en: () => import('./locales/recv.en.ts') });
