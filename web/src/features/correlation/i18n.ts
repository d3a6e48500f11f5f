/** Texts under `cor.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('cor', { id: () => import('./locales/cor.id.ts'), en: () => import('./locales/cor.en.ts') });
