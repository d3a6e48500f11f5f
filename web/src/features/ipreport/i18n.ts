/** Texts under `ipr.`, loaded with the IP ASN report pages, in the active language only (app/i18n.ts). */
import { featureTexts } from '../../app/i18n.ts';

await featureTexts('ipr', { id: () => import('./locales/ipr.id.ts'), en: () => import('./locales/ipr.en.ts') });
