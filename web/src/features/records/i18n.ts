/** Texts under `records.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('records', {
  id: () => import('./locales/records.id.ts'),
  en: () => import('./locales/records.en.ts'),
});
