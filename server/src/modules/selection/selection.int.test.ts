/**
 * Selection in the platform: SKD import, ranking, two-person publication of immutable versioned
 * open data whose files reproduce byte for byte through `merit rank` / `merit integrate`, SKB
 * weights and scores, final integration, corrections, and the public result pages.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/fixtures.ts';
import { Agent, createTestContext, joinCommittee, signedInAgent, type TestContext } from '../../../test/harness.ts';
import { closeRegistrationAndVerification, openPeriodWithFormation } from '../../../test/recruitment-setup.ts';
import { addParticipants } from '../../../test/selection-setup.ts';
import { pdfPagesText } from '../../../test/pdf-text.ts';
import { runIntegrate, runRank } from './cli.ts';

let ctx: TestContext;
let admin: Agent;
let committee: Agent;
let committee2: Agent;
let periodId: string;
let formationA: string;
let formationB: string;
let codeA: string;
const silent = { out: () => {}, err: () => {} };

const csv = (name: string, text: string) => multipart({ name, data: Buffer.from(text), type: 'text/csv' });

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedInAgent(ctx, 'admin');
  committee = await signedInAgent(ctx, 'committee');
  committee2 = await signedInAgent(ctx, 'committee');
  ({ periodId, formationId: formationA } = await openPeriodWithFormation(ctx, committee, { quota: 1 }));
  await joinCommittee(ctx, periodId, committee2);
  const b = await committee.post(`/api/v1/periods/${periodId}/formations`, {
    code: 'CUMLAUDE-1',
    organizationId: 'kominfo',
    jabatan: 'Pranata Komputer, Ahli Pertama',
    educationLevels: ['S1'],
    majors: [],
    needType: 'cumlaude',
    quota: 1,
    placement: null,
  });
  formationB = b.json().id;
  codeA = (
    await ctx.database.db.selectFrom('formations').select('code').where('id', '=', formationA).executeTakeFirstOrThrow()
  ).code;
  await addParticipants(ctx, periodId, formationA, [
    { participantNo: '100001', name: 'Andi Lamarauna', ipk: 3.5, birthDate: '1998-01-01' },
    { participantNo: '100002', name: 'Budi Santoso', ipk: 3.6, birthDate: '1997-05-05' },
    { participantNo: '100003', name: 'Citra Kaili', ipk: 3.2, birthDate: '1996-02-02' },
    { participantNo: '100004', name: 'Dewi Pakava', ipk: 3.9, birthDate: '1999-09-09' },
    { participantNo: '100005', name: 'Eka Tadulako', ipk: 3.0, birthDate: '1995-03-03' },
  ]);
  await addParticipants(ctx, periodId, formationB, [
    { participantNo: '200001', name: 'Fajar Lore', ipk: 3.8, birthDate: '1998-08-08' },
    { participantNo: '200002', name: 'Gita Lindu', ipk: 3.7, birthDate: '1997-07-07' },
  ]);
});
afterAll(() => ctx?.close());

const SKD = `participant_no,formation_id,twk,tiu,tkp
100001,${'A'},100,100,180
100002,A,100,100,180
100003,A,60,100,200
100004,A,90,120,190
100005,A,,,
200001,CUMLAUDE-1,70,90,160
200002,CUMLAUDE-1,60,80,170
`;

describe('SKD scores and ranking', () => {
  it('refuses a bad file naming the line, and a participant of another period', async () => {
    const bad = await committee.upload(
      'POST',
      `/api/v1/periods/${periodId}/skd-scores/import`,
      csv('skd.csv', SKD.replaceAll(',A,', `,${codeA},`).replace('100,100,180', '152,100,180')),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/skd\.csv baris 2/);
    const stranger = await committee.upload(
      'POST',
      `/api/v1/periods/${periodId}/skd-scores/import`,
      csv('skd.csv', `participant_no,formation_id,twk,tiu,tkp\n999999,${codeA},100,100,180\n`),
    );
    expect(stranger.statusCode).toBe(400);
    expect(await ctx.database.db.selectFrom('skd_scores').selectAll().execute()).toHaveLength(0);
  });

  it('imports scores, then ranks once the year’s passing grades are set', async () => {
    const ok = await committee.upload(
      'POST',
      `/api/v1/periods/${periodId}/skd-scores/import`,
      csv('skd.csv', SKD.replaceAll(',A,', `,${codeA},`)),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toBe(7);
    const noRules = await committee.get(`/api/v1/periods/${periodId}/ranking`);
    expect(noRules.statusCode).toBe(409);
    const rules2024 = (await new Agent(ctx.app).get('/api/v1/public/thresholds'))
      .json()
      .thresholds.find((t: { year: number }) => t.year === 2024);
    expect(rules2024.rules.umum).toEqual({ kind: 'subtests', twk: 65, tiu: 80, tkp: 166 });
    expect(
      (
        await admin.put('/api/v1/admin/thresholds/2026', {
          regulation: 'KepMenPANRB (uji) 2026',
          rules: rules2024.rules,
          uncertain: [],
        })
      ).statusCode,
    ).toBe(200);
    const rows = (await committee.get(`/api/v1/periods/${periodId}/ranking`)).json().rows;
    const byNo = Object.fromEntries(rows.map((r: { participantNo: string }) => [r.participantNo, r]));
    expect(byNo['100004']).toMatchObject({ status: 'P', rank: 1, code: 'P/L' });
    expect(byNo['100001']).toMatchObject({ status: 'P', rank: 2, code: 'P/L' });
    expect(byNo['100002']).toMatchObject({ status: 'P', rank: 2, code: 'P/L' }); // fully equal share a rank, within 3 × quota 1
    expect(byNo['100003']).toMatchObject({ status: 'TL', code: 'TL' }); // TWK 60 < 65
    expect(byNo['100005']).toMatchObject({ status: 'TH', code: 'TH' });
    expect(byNo['200001']).toMatchObject({ status: 'P' }); // total 320 ≥ 311 and TIU 90 ≥ 85
    expect(byNo['200002']).toMatchObject({ status: 'TL' }); // TIU 80 < 85
  });
});

let skdPublication: string;

describe('publication', () => {
  it('refuses to propose SKD results while registration or verification is still open, naming the stage', async () => {
    const early = await committee.post(`/api/v1/periods/${periodId}/publications`, { stage: 'skd', reason: null });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(
      /^Hasil SKD belum dapat diusulkan untuk diumumkan: tahap pendaftaran masih berjalan sampai .* WITA\..* tahap verifikasi administrasi masih berjalan/,
    );
    expect((await committee.get(`/api/v1/periods/${periodId}/publications`)).json().publications).toHaveLength(0);
    await closeRegistrationAndVerification(ctx, committee, periodId);
  });

  it('publishes only with a second committee member, and logs every file’s SHA-256', async () => {
    const p = await committee.post(`/api/v1/periods/${periodId}/publications`, { stage: 'skd', reason: null });
    expect(p.statusCode, p.body).toBe(201);
    skdPublication = p.json().id;
    expect(
      (await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}`)).json().publications,
    ).toHaveLength(0);
    const self = await committee.post(`/api/v1/publications/${skdPublication}/decision`, { approve: true });
    expect(self.statusCode).toBe(409);
    expect(
      (await committee2.post(`/api/v1/publications/${skdPublication}/decision`, { approve: true })).statusCode,
    ).toBe(200);
    expect(
      (await committee2.post(`/api/v1/publications/${skdPublication}/decision`, { approve: false })).statusCode,
    ).toBe(409);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'after_digest'])
      .where('action', '=', 'publication.publish')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('publishes the SKD PENGUMUMAN as a numbered, signed PDF listing who advances to the SKB, with masked names', async () => {
    const res = await new Agent(ctx.app).get(`/api/v1/public/results/publications/${skdPublication}/announcement.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPagesText(res.rawPayload)).join('\n');
    expect(text).toMatch(/Nomor: 800\/1\/SKD\/BKPSDM\/\d{4}/);
    expect(text).toContain('HASIL SELEKSI KOMPETENSI DASAR (SKD)');
    expect(text).toContain('Dew*** P***'); // 100004 advances (rank 1)
    expect(text).toContain('100001');
    expect(text).not.toContain('100003'); // below the TWK grade: not listed as P/L
    expect(text).not.toContain('Lamarauna');
    expect(text).not.toMatch(/\d{16}/);
    expect(text).toContain('Ditandatangani secara elektronik');
  });

  it('serves open data that `merit rank` reproduces byte for byte, with no NIK or birth date', async () => {
    const pub = (await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}`)).json().publications[0];
    expect(pub.files.map((f: { name: string }) => f.name)).toEqual([
      'formations.csv',
      'ranking.csv',
      'skd.csv',
      'thresholds.json',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'merit-open-'));
    for (const f of pub.files) {
      const res = await new Agent(ctx.app).get(`/api/v1/public/results/publications/${pub.id}/files/${f.name}`);
      expect(res.headers['x-content-sha256']).toBe(f.sha256);
      expect(res.body).not.toMatch(/\d{16}/);
      if (f.name.endsWith('.csv')) expect(res.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      writeFileSync(path.join(dir, f.name), res.rawPayload);
    }
    const code = await runRank(
      [
        '--year',
        '2024',
        '--formations',
        path.join(dir, 'formations.csv'),
        '--scores',
        path.join(dir, 'skd.csv'),
        '--out',
        path.join(dir, 'recomputed.csv'),
      ],
      silent,
    );
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'recomputed.csv')).equals(readFileSync(path.join(dir, 'ranking.csv')))).toBe(
      true,
    );
    // The period is 2026, whose grades only the admin set: the published thresholds.json reproduces it too.
    const withFile = await runRank(
      [
        '--year',
        '2026',
        '--thresholds',
        path.join(dir, 'thresholds.json'),
        '--formations',
        path.join(dir, 'formations.csv'),
        '--scores',
        path.join(dir, 'skd.csv'),
        '--out',
        path.join(dir, 'again.csv'),
      ],
      silent,
    );
    expect(withFile).toBe(0);
    expect(readFileSync(path.join(dir, 'again.csv')).equals(readFileSync(path.join(dir, 'ranking.csv')))).toBe(true);
    expect(
      await runRank(
        [
          '--year',
          '2025',
          '--thresholds',
          path.join(dir, 'thresholds.json'),
          '--formations',
          path.join(dir, 'formations.csv'),
          '--scores',
          path.join(dir, 'skd.csv'),
          '--out',
          path.join(dir, 'x.csv'),
        ],
        silent,
      ),
    ).toBe(2);
  });

  it('shows public results per formation with masked names, BKN codes and a histogram', async () => {
    const res = (await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}/formations/${codeA}`)).json();
    expect(res.skd[0]).toMatchObject({ participantNo: '100004', maskedName: 'Dew*** P***', code: 'P/L', rank: 1 });
    expect(res.skd[1]).toMatchObject({ participantNo: '100001', maskedName: 'And*** L***', code: 'P/L', rank: 2 });
    expect(JSON.stringify(res)).not.toContain('Lamarauna');
    expect(res.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(4);
  });

  it('keeps a publication immutable: a correction is a new version with a public reason', async () => {
    const noReason = await committee.post(`/api/v1/periods/${periodId}/publications`, { stage: 'skd', reason: null });
    expect(noReason.statusCode).toBe(400);
    const fix = await committee.post(`/api/v1/periods/${periodId}/publications`, {
      stage: 'skd',
      reason: 'Koreksi penulisan nama formasi pada formations.csv.',
    });
    expect(fix.statusCode).toBe(201);
    expect(fix.json().version).toBe(2);
    // Not public before the second member approves: neither the files nor the PENGUMUMAN.
    expect(
      (await new Agent(ctx.app).get(`/api/v1/public/results/publications/${fix.json().id}/announcement.pdf`))
        .statusCode,
    ).toBe(404);
    await committee2.post(`/api/v1/publications/${fix.json().id}/decision`, { approve: true });
    const pubs = (await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}`)).json().publications;
    expect(pubs.map((p: { version: number; reason: string | null }) => [p.version, p.reason])).toEqual([
      [2, 'Koreksi penulisan nama formasi pada formations.csv.'],
      [1, null],
    ]);
    const first = await new Agent(ctx.app).get(
      `/api/v1/public/results/publications/${skdPublication}/files/ranking.csv`,
    );
    expect(first.statusCode).toBe(200);
    const corrected = (
      await pdfPagesText(
        (await new Agent(ctx.app).get(`/api/v1/public/results/publications/${fix.json().id}/announcement.pdf`))
          .rawPayload,
      )
    ).join(' ');
    expect(corrected).toContain('800/2/SKD/BKPSDM');
    expect(corrected).toContain('koreksi ke-1');
    expect(corrected).toContain('Koreksi penulisan nama formasi');
  });
});

describe('SKB and final integration', () => {
  it('refuses SKB weights that break the rules for instansi daerah', async () => {
    const res = await committee.put(`/api/v1/formations/${formationA}/skb-weights`, {
      components: [
        { key: 'cat', name: 'SKB CAT', kind: 'cat', weightPct: 40 },
        { key: 'wawancara', name: 'Wawancara', kind: 'wawancara', weightPct: 60 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const text = res
      .json()
      .error.fields.map((f: { message: string }) => f.message)
      .join(' ');
    expect(text).toContain('minimal 50%');
    expect(text).toContain('wawancara');
    expect(
      (
        await committee.put(`/api/v1/formations/${formationA}/skb-weights`, {
          components: [
            { key: 'cat', name: 'SKB CAT', kind: 'cat', weightPct: 60 },
            { key: 'praktik', name: 'Uji praktik', kind: 'tambahan', weightPct: 40 },
          ],
        })
      ).statusCode,
    ).toBe(200);
  });

  it('enters one participant’s SKB scores from the form by the import’s rules, audited', async () => {
    const url = (no: string) => `/api/v1/periods/${periodId}/skb-scores/${no}`;
    const ok = await committee.put(url('100001'), { components: { cat: '80', praktik: '90' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await ctx.database.db
      .selectFrom('skb_scores')
      .innerJoin('applications', 'applications.id', 'skb_scores.application_id')
      .select(['skb_scores.skb_hundredths'])
      .where('applications.participant_no', '=', '100001')
      .executeTakeFirstOrThrow();
    expect(row.skb_hundredths).toBe(8400); // the formation's weights, as in the import
    const notAdvancing = await committee.put(url('100003'), { components: { cat: '80', praktik: '80' } });
    expect(notAdvancing.statusCode).toBe(400);
    expect(notAdvancing.json().error.message).toContain('tidak lolos');
    expect(notAdvancing.json().error.message).not.toContain('baris');
    expect((await committee.put(url('100001'), { components: { cat: '101', praktik: '90' } })).statusCode).toBe(400);
    expect((await committee.put(url('100001'), { components: { cat: '80' } })).statusCode).toBe(400);
    expect((await committee.put(url('100004'), { components: null })).json()).toEqual({
      participantNo: '100004',
      absent: true,
    });
    const audited = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'skb.entry')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('imports SKB per component, integrates, publishes, and `merit integrate` reproduces final.csv', async () => {
    const notAdvancing = await committee.upload(
      'POST',
      `/api/v1/periods/${periodId}/skb-scores/import`,
      csv('skb.csv', 'participant_no,cat,praktik\n100003,80,80\n'),
    );
    expect(notAdvancing.statusCode).toBe(400);
    expect(notAdvancing.json().error.message).toContain('tidak lolos');
    const ok = await committee.upload(
      'POST',
      `/api/v1/periods/${periodId}/skb-scores/import`,
      csv('skb.csv', 'participant_no,cat,praktik\n100001,80,90\n100002,80,90\n100004,,\n200001,70.5,0\n'),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const p = await committee.post(`/api/v1/periods/${periodId}/publications`, { stage: 'final', reason: null });
    expect(p.statusCode, p.body).toBe(201);
    await committee2.post(`/api/v1/publications/${p.json().id}/decision`, { approve: true });

    const dir = mkdtempSync(path.join(tmpdir(), 'merit-final-'));
    const get = async (id: string, name: string) => {
      const res = await new Agent(ctx.app).get(`/api/v1/public/results/publications/${id}/files/${name}`);
      writeFileSync(path.join(dir, name), res.rawPayload);
      return res.body;
    };
    const pubs = (await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}`)).json().publications;
    const skdLatest = pubs.find((x: { stage: string }) => x.stage === 'skd');
    await get(skdLatest.id, 'formations.csv');
    await get(skdLatest.id, 'ranking.csv');
    const skb = await get(p.json().id, 'skb.csv');
    const final = await get(p.json().id, 'final.csv');
    // No IPK or birth date is published: an order among those tied on the scores (100001 and
    // 100002 are: 100002 first, on IPK).
    expect(skb).toBe('participant_no,skb,tie_order\n200001,70.50,1\n100001,84.00,2\n100002,84.00,1\n100004,,\n');
    for (const file of [skb, final])
      for (const d of ['1998-08-08', '1998-01-01', '1997-05-05']) expect(file).not.toContain(d);
    for (const ipk of ['3.50', '3.60', '3.80']) expect(skb).not.toContain(ipk);
    // 100002 wins the tie on IPK; 100004 was absent from SKB (TH).
    expect(final).toContain(`${codeA},100002,380,84.00,78.036,1,L`);
    expect(final).toContain(`${codeA},100001,380,84.00,78.036,2,TL`);
    expect(final).toContain(`${codeA},100004,400,,,,TH`);
    expect(
      pubs.find((x: { stage: string }) => x.stage === 'final')?.files.map((f: { name: string }) => f.name),
    ).toEqual(['final.csv', 'skb.csv']);
    const code = await runIntegrate(
      [
        '--formations',
        path.join(dir, 'formations.csv'),
        '--ranking',
        path.join(dir, 'ranking.csv'),
        '--skb',
        path.join(dir, 'skb.csv'),
        '--out',
        path.join(dir, 'again.csv'),
      ],
      silent,
    );
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'again.csv')).equals(readFileSync(path.join(dir, 'final.csv')))).toBe(true);

    const pdf = await new Agent(ctx.app).get(`/api/v1/public/results/publications/${p.json().id}/announcement.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = (await pdfPagesText(pdf.rawPayload)).join('\n');
    expect(text).toMatch(/Nomor: 800\/1\/AKHIR\/BKPSDM\/\d{4}/);
    expect(text).toContain('HASIL AKHIR SELEKSI');
    expect(text).toMatch(/100002 Bud\*\*\* S\*\*\* 380 84\.00 78\.036 1/);
    expect(text).not.toContain('100001 And'); // TL: in final.csv, not in the list of those who passed
    expect(text).not.toContain('Santoso');
  });
});

describe('optimalisasi', () => {
  it('is off by default, and when enabled publishes L-2 moves into unfilled equivalent formations', async () => {
    expect((await committee.get(`/api/v1/periods/${periodId}/selection-settings`)).json()).toEqual({
      optimalisasi: false,
    });
    // A twin formation (same jabatan and education) with a place and nobody ranked in it.
    const twin = await committee.post(`/api/v1/periods/${periodId}/formations`, {
      code: 'PRANATA-TWIN',
      organizationId: 'bpbd',
      jabatan: 'Pranata Komputer Ahli Pertama',
      educationLevels: ['S1'],
      majors: ['Teknik Informatika', 'Sistem Informasi'],
      needType: 'umum',
      quota: 1,
      placement: 'BPBD',
    });
    expect(twin.statusCode).toBe(201);
    expect(
      (await committee.put(`/api/v1/periods/${periodId}/selection-settings`, { optimalisasi: true })).statusCode,
    ).toBe(200);
    const skd = await committee.post(`/api/v1/periods/${periodId}/publications`, {
      stage: 'skd',
      reason: 'Formasi PRANATA-TWIN ditambahkan.',
    });
    await committee2.post(`/api/v1/publications/${skd.json().id}/decision`, { approve: true });
    const fin = await committee.post(`/api/v1/periods/${periodId}/publications`, {
      stage: 'final',
      reason: 'Optimalisasi formasi kosong.',
    });
    expect(fin.statusCode, fin.body).toBe(201);
    expect(fin.json().files.map((f: { name: string }) => f.name)).toContain('optimalisasi.csv');
    await committee2.post(`/api/v1/publications/${fin.json().id}/decision`, { approve: true });
    const file = await new Agent(ctx.app).get(
      `/api/v1/public/results/publications/${fin.json().id}/files/optimalisasi.csv`,
    );
    expect(file.body).toBe(
      `participant_no,from_formation_id,to_formation_id,final_score,result\n100001,${codeA},PRANATA-TWIN,78.036,L-2\n`,
    );
    const results = (
      await new Agent(ctx.app).get(`/api/v1/public/results/periods/${periodId}/formations/${codeA}`)
    ).json();
    expect(results.optimalisasi[0]).toMatchObject({
      participantNo: '100001',
      toFormation: 'PRANATA-TWIN',
      result: 'L-2',
    });
  });
});
