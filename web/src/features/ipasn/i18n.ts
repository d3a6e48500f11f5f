/** Texts under `ipasn.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('ipasn', { id: () => import('./locales/ipasn.id.ts'), en: () => import('./locales/ipasn.en.ts') });
