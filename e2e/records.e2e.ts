/**
 * Browser journey for education and competency history on a fresh `npm start` (demo seed): the
 * training admin checks an education sheet whose bad row is reported by line (nothing saved),
 * fixes and imports it, then adds an S-2 as the highest education on the person's page; the
 * employee (pegawai) sees it on "Riwayat pendidikan & kompetensi" and proposes a correction with a
 * PDF; BKPSDM decides it from the queue. Axe on every page.
 */
import { describe, it } from 'vitest';
import { makePdf } from '../server/test/fixtures.ts';
import { journey } from './support/journey.ts';

const HEADER = 'nip,jenjang,institusi,jurusan,tahun_lulus,tertinggi';
const NIP = '199104252015032001'; // Sitti Aisyah, linked to pegawai@merit.test in the demo seed
const sheet = (rows: string[]) => ({
  name: 'pendidikan.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`),
});

const { newPage, logIn, expectClean } = journey();

describe('education and competency history in the browser', () => {
  it('BKPSDM imports an education sheet all or nothing, then marks an added S-2 as the highest', async () => {
    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Impor riwayat pendidikan & kompetensi' })
      .click();
    await admin.waitForURL('**/riwayat/impor');
    const form = admin.getByRole('form', { name: 'Riwayat pendidikan' });
    await form
      .getByLabel('Berkas XLSX atau CSV')
      .setInputFiles(
        sheet([`${NIP},SMA,SMA Negeri 1 Palu,IPA,2009,N`, `${NIP},S4,Universitas Tadulako,Informatika,2014,Y`]),
      );
    await form.getByRole('button', { name: 'Periksa berkas' }).click();
    await admin.getByText('1 baris bermasalah; tidak ada yang disimpan. Perbaiki lalu periksa lagi.').waitFor();
    await admin.getByRole('cell', { name: /Jenjang "S4" tidak dikenal/ }).waitFor();
    await expectClean(admin);

    await form
      .getByLabel('Berkas XLSX atau CSV')
      .setInputFiles(
        sheet([`${NIP},SMA,SMA Negeri 1 Palu,IPA,2009,N`, `${NIP},S-1,Universitas Tadulako,Teknik Informatika,2014,Y`]),
      );
    await form.getByRole('button', { name: 'Periksa berkas' }).click();
    await admin.getByText('Berkas siap diimpor: 2 baru, 0 diperbarui.').waitFor();
    await form.getByRole('button', { name: 'Impor 2 baris' }).click();
    await admin.getByText('Impor selesai: 2 baru, 0 diperbarui.').waitFor();

    await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data pegawai' }).click();
    await admin.getByRole('link', { name: 'Sitti Aisyah, S.Kom.', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: /Riwayat pendidikan & kompetensi: Sitti Aisyah/ }).waitFor();
    const s1 = admin.getByRole('row', { name: /S-1 Universitas Tadulako/ });
    await s1.getByText('Pendidikan tertinggi').waitFor();

    await admin.getByRole('button', { name: 'Tambah pendidikan' }).click();
    const add = admin.getByRole('form', { name: 'Tambah riwayat pendidikan' });
    await add.getByLabel('Jenjang').selectOption('s2');
    await add.getByLabel('Institusi').fill('Universitas Hasanuddin');
    await add.getByLabel('Jurusan/program studi').fill('Sistem Informasi');
    await add.getByLabel('Tahun lulus').fill('2021');
    await add.getByLabel('Jadikan pendidikan tertinggi (yang lama tidak lagi)').check();
    await add.getByRole('button', { name: 'Simpan' }).click();
    const s2 = admin.getByRole('row', { name: /S-2 Universitas Hasanuddin/ });
    await s2.getByText('Pendidikan tertinggi').waitFor();
    await s1.getByRole('button', { name: /Jadikan tertinggi/ }).waitFor();
    await expectClean(admin);
  });

  it('the employee sees their history and proposes a correction with a PDF; BKPSDM accepts it with a note', async () => {
    const employee = await newPage();
    await logIn(employee, 'pegawai@merit.test');
    await employee
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Riwayat pendidikan & kompetensi' })
      .click();
    await employee.getByRole('heading', { level: 1, name: 'Riwayat pendidikan & kompetensi' }).waitFor();
    await employee
      .getByRole('row', { name: /S-2 Universitas Hasanuddin/ })
      .getByText('Pendidikan tertinggi')
      .waitFor();
    await expectClean(employee);

    const propose = employee.getByRole('form', { name: 'Usulkan perbaikan' });
    await propose.getByRole('combobox', { name: 'Riwayat yang dimaksud' }).selectOption({
      label: 'S-1 · Universitas Tadulako · 2014',
    });
    await propose.getByLabel('Usulan perbaikan').fill('Jurusan saya Sistem Informasi, bukan Teknik Informatika.');
    await propose
      .getByLabel('Bukti (PDF, maks. 2 MB)')
      .setInputFiles({ name: 'ijazah.pdf', mimeType: 'application/pdf', buffer: await makePdf() });
    await propose.getByRole('button', { name: 'Kirim usulan' }).click();
    await employee.getByText('Usulan terkirim. BKPSDM akan memutuskannya.').waitFor();
    await employee
      .getByRole('row', { name: /Jurusan saya Sistem Informasi/ })
      .getByText('Menunggu keputusan')
      .waitFor();
    await expectClean(employee);

    const admin = await newPage();
    await logIn(admin, 'pelatihan@merit.test');
    await admin
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Usulan perbaikan riwayat' })
      .click();
    const row = admin.getByRole('row', { name: /Sitti Aisyah/ });
    await row.getByText('S-1 · Universitas Tadulako · 2014').waitFor();
    await expectClean(admin);
    await row.getByLabel('Catatan untuk pegawai').fill('Diterima; jurusan sudah diperbaiki sesuai ijazah.');
    await row.getByRole('button', { name: 'Simpan keputusan' }).click();
    await admin.getByText('Tidak ada usulan.').waitFor();

    await employee.reload();
    await employee
      .getByRole('row', { name: /Jurusan saya Sistem Informasi/ })
      .getByText('Diterima', { exact: true })
      .waitFor();
  });
});
