/** Texts under `cat.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('cat', { id: () => import('./locales/cat.id.ts'), en: () => import('./locales/cat.en.ts') });
