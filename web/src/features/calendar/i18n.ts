/** Texts under `cal.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('cal', { id: () => import('./locales/cal.id.ts'), en: () => import('./locales/cal.en.ts') });
