import { describe, expect, it } from 'vitest';
import { IP_ASN_2019 } from './domain/ip-asn.ts';
import { figureOf, holdsBack, pointOf, provisionalCells, publicFigure } from './ip-report-figures.ts';

const bima = (status = 'PNS', complete = true) =>
  pointOf({
    employee_id: 'x',
    employee_status: status,
    organization_id: 'bpbd',
    jabatan_type: 'pelaksana',
    kualifikasi: '21.37',
    kompetensi: '26.16',
    kinerja: '25.72',
    disiplin: '5.00',
    total: '78.25',
    band: 'sedang',
    complete,
    provisional: false,
  });

describe('IP ASN report figures', () => {
  it('reproduces Kota Bima 2023 (§1.6): 21.37 + 26.16 + 25.72 + 5 = 78.25, Sedang; CPNS fold into PNS', () => {
    const f = figureOf(IP_ASN_2019, [bima(), bima('CPNS'), bima('PNS', false)]);
    expect(f).toMatchObject({ n: 2, of: 3, total: 78.25, band: 'sedang', participation: 66.7, provisional: 0 });
    expect(bima('CPNS').group).toBe('PNS');
    expect(holdsBack(IP_ASN_2019, f)).toEqual({ dimension: 'kompetensi', mean: 26.16, max: 40, gap: 13.84 });
    expect(holdsBack(IP_ASN_2019, figureOf(IP_ASN_2019, []))).toBeNull();
  });

  it('publishes a group only from five people with a complete index, and nothing of a smaller one', () => {
    const four = publicFigure(figureOf(IP_ASN_2019, [bima(), bima(), bima(), bima(), bima('PNS', false)]));
    expect(four).toEqual({
      of: null,
      shown: false,
      n: null,
      participation: null,
      total: null,
      band: null,
      means: null,
      bands: null,
    });
    const five = publicFigure(figureOf(IP_ASN_2019, [bima(), bima(), bima(), bima(), bima()]));
    expect(five).toMatchObject({ shown: true, n: 5, of: 5, total: 78.25 });
  });

  it('lists every provisional cell of the 2019 instrument by its path', () => {
    const cells = provisionalCells(IP_ASN_2019).map((c) => c.cell);
    expect(cells).toContain('education.s1_d4');
    expect(cells).toContain('kinerja.sangat_baik');
    expect(cells).toContain('disiplin.none');
    expect(cells).not.toContain('education.s3');
    expect(cells).toHaveLength(18);
  });
});
