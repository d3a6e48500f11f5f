/** Texts under `prtr.`, loaded with the pages that import this module, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('prtr', { id: () => import('./locales/prtr.id.ts'), en: () => import('./locales/prtr.en.ts') });
