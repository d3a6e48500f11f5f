/** Texts under `devt.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('devt', { id: () => import('./locales/devt.id.ts'), en: () => import('./locales/devt.en.ts') });
