/**
 * Browser journey for reminders: a staff member turns their own daily digest off on the home's
 * "Pengaturan notifikasi", the choice survives a reload, another person's setting is untouched,
 * and the section passes axe at desktop and phone widths.
 */
import { describe, expect, it } from 'vitest';
import { journey } from './support/journey.ts';

const { newPage, logIn, expectClean } = journey();

describe('notification settings in the browser', () => {
  it('a committee member turns the daily digest off and it stays off; a colleague keeps theirs', async () => {
    const page = await newPage();
    await logIn(page, 'panitia@merit.test');
    await page.getByRole('heading', { level: 2, name: 'Pengaturan notifikasi' }).waitFor();
    const digest = page.getByRole('checkbox', { name: 'Kirim ringkasan harian pekerjaan saya lewat email' });
    await expect.poll(() => digest.isChecked()).toBe(true);
    await expectClean(page);
    await digest.uncheck();
    await page.getByText('Tersimpan: ringkasan harian tidak dikirim lagi.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Pengaturan notifikasi' }).waitFor();
    await expect.poll(() => digest.isChecked()).toBe(false);

    const phone = await newPage({ width: 360, height: 740 });
    await logIn(phone, 'panitia2@merit.test');
    const other = phone.getByRole('checkbox', { name: 'Kirim ringkasan harian pekerjaan saya lewat email' });
    await expect.poll(() => other.isChecked()).toBe(true);
    await expectClean(phone);
  });
});
