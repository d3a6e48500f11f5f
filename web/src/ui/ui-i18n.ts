/** Texts of the ui/ building blocks (date fields, wide tables, the pager), merged under `dates.`, `table.` and `pager.`. */
import i18n from 'i18next';

const id = {
  dateHint: 'Format hh/bb/tttt, mis. 12/03/1999.',
  dateTimeHint: 'Format hh/bb/tttt jj.mm (24 jam), mis. 03/12/2026 08.00.',
  dateInvalid: 'Tanggal tidak terbaca. Tulis hh/bb/tttt, mis. 12/03/1999.',
  dateTimeInvalid: 'Tanggal dan jam tidak terbaca. Tulis hh/bb/tttt jj.mm, mis. 03/12/2026 08.00.',
};
const tableId = { more: 'Tabel ini lebih lebar dari layar: geser ke samping untuk kolom lainnya →' };
const tableEn: typeof tableId = { more: 'This table is wider than the screen: swipe sideways for more columns →' };
const pagerId = { prev: 'Sebelumnya', next: 'Berikutnya', pageOf: 'Halaman {{page}} dari {{pages}}' };
const pagerEn: typeof pagerId = { prev: 'Previous', next: 'Next', pageOf: 'Page {{page}} of {{pages}}' };
const en: typeof id = {
  dateHint: 'Format dd/mm/yyyy, e.g. 12/03/1999.',
  dateTimeHint: 'Format dd/mm/yyyy hh.mm (24-hour), e.g. 03/12/2026 08.00.',
  dateInvalid: 'The date cannot be read. Write dd/mm/yyyy, e.g. 12/03/1999.',
  dateTimeInvalid: 'The date and time cannot be read. Write dd/mm/yyyy hh.mm, e.g. 03/12/2026 08.00.',
};

let registered = false;
function add() {
  if (registered) return;
  registered = true;
  i18n.addResourceBundle('id', 'translation', { dates: id, table: tableId, pager: pagerId }, true, true);
  i18n.addResourceBundle('en', 'translation', { dates: en, table: tableEn, pager: pagerEn }, true, true);
}
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
