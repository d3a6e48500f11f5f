/**
 * The authorization matrix, kept as data: for every registered route, what each kind of caller
 * gets (2xx, 401 or 404). A route that is registered but missing here fails the test, so no
 * endpoint ships without someone deciding who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '../../../common/contracts/endpoints.ts';
import { ROLES } from '../../../common/contracts/identity.ts';
import { declarationsOf } from './endpoints.ts';
import { Agent, applicantBody, createTestContext, signedInAgent, type TestContext } from '../../test/harness.ts';

type Caller = 'anonymous' | (typeof ROLES)[number];
/**
 * '2xx': succeeds. 'ok': let through by access control (the service may still answer 400/404/409
 * for this made-up request). 401: must sign in. 404: refused by access control.
 */
type Expect = '2xx' | 'ok' | 401 | 404 | 410;
const CALLERS: Caller[] = ['anonymous', ...ROLES];

interface Row {
  /** Expected outcome per caller; `rest` covers the callers not named. */
  expect: Partial<Record<Caller | 'rest', Expect>>;
  body?: () => unknown;
  url?: string;
}

const PUBLIC: Row['expect'] = { rest: '2xx' };
const X = '00000000-0000-4000-8000-000000000000'; // an id that exists nowhere
const roles = (...allowed: Caller[]): Row['expect'] => ({
  anonymous: 401,
  rest: 404,
  ...Object.fromEntries(allowed.map((r) => [r, 'ok'])),
});
const COMMITTEE = roles('committee', 'admin');
const APPLICANT = roles('applicant');
const STAFF = roles('verifier', 'committee');
const SIGNED_IN: Row['expect'] = { anonymous: 401, rest: '2xx' };
const ADMIN_ONLY: Row['expect'] = { anonymous: 401, admin: '2xx', rest: 404 };
let staffCounter = 0;

const MATRIX: Record<string, Row> = {
  'GET /api/health': { expect: PUBLIC },
  'GET /api/openapi.json': { expect: PUBLIC },
  'GET /api/docs': { expect: PUBLIC },
  'GET /api/docs/static/index.html': { expect: PUBLIC },
  'GET /api/docs/static/swagger-initializer.js': { expect: PUBLIC },
  'GET /api/docs/static/*': { expect: PUBLIC, url: '/api/docs/static/swagger-ui.css' },
  'GET /api/docs/json': { expect: PUBLIC },
  'GET /api/docs/yaml': { expect: PUBLIC },
  'POST /api/v1/auth/register': { expect: PUBLIC, body: () => applicantBody() },
  'POST /api/v1/auth/register-participant': {
    expect: PUBLIC,
    body: () => ({
      kind: 'citizen',
      fullName: 'Warga Uji',
      email: `warga.${crypto.randomUUID()}@contoh.id`,
      password: 'sandi warga yang panjang',
      consent: true,
    }),
  },
  'POST /api/v1/auth/verify-email': { expect: { rest: 410 }, body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/v1/auth/verify-email-code': {
    expect: { rest: 410 },
    body: () => ({ email: `tidak.ada.${crypto.randomUUID()}@contoh.id`, code: '123456' }),
  },
  'POST /api/v1/auth/resend-verification': { expect: PUBLIC, body: () => ({ email: 'siapa@contoh.id' }) },
  'POST /api/v1/auth/login': {
    expect: { rest: 401 },
    body: () => ({ identifier: 'siapa@contoh.id', password: 'bukan-sandi-siapapun' }),
  },
  'POST /api/v1/auth/logout': { expect: SIGNED_IN },
  'POST /api/v1/auth/forgot-password': { expect: PUBLIC, body: () => ({ email: 'siapa@contoh.id' }) },
  'POST /api/v1/auth/reset-password': {
    expect: { rest: 410 },
    body: () => ({ token: 'x'.repeat(43), password: 'sandi baru yang panjang' }),
  },
  'GET /api/v1/me': { expect: SIGNED_IN },
  'GET /api/v1/admin/accounts': { expect: ADMIN_ONLY },
  'POST /api/v1/admin/accounts': {
    expect: ADMIN_ONLY,
    body: () => ({ email: `staf${++staffCounter}@palukota.go.id`, fullName: 'Staf Baru', role: 'employee' }),
  },
  'PATCH /api/v1/admin/accounts/:id': {
    expect: { anonymous: 401, admin: 'ok', rest: 404 },
    url: `/api/v1/admin/accounts/${X}`,
    body: () => ({ fullName: 'Nama Baru' }),
  },
  'POST /api/v1/admin/accounts/:id/reset': {
    expect: { anonymous: 401, admin: 'ok', rest: 404 },
    url: `/api/v1/admin/accounts/${X}/reset`,
  },
  'GET /api/v1/admin/outbox': { expect: ADMIN_ONLY },
  'GET /api/v1/security/address-blocks': { expect: COMMITTEE },
  'POST /api/v1/security/address-blocks/lift': {
    expect: COMMITTEE,
    body: () => ({ address: '192.0.2.9', reason: 'Uji matriks akses' }),
  },
  'GET /api/v1/public/organizations': { expect: PUBLIC },
  'GET /api/v1/public/audit/checkpoints': { expect: PUBLIC },
  'GET /api/v1/public/audit/events': { expect: PUBLIC },
  'GET /api/v1/public/periods': { expect: PUBLIC },
  'GET /api/v1/public/formations': { expect: PUBLIC },
  'GET /api/v1/public/cards/:registrationNo': { expect: { rest: 'ok' }, url: '/api/v1/public/cards/NOPE?s=x' },
  'GET /api/v1/periods': { expect: roles('committee', 'admin', 'verifier') },
  'POST /api/v1/periods': { expect: COMMITTEE },
  'PUT /api/v1/periods/:id/stages': { expect: COMMITTEE, url: `/api/v1/periods/${X}/stages` },
  'POST /api/v1/periods/:id/formations': { expect: COMMITTEE, url: `/api/v1/periods/${X}/formations` },
  'POST /api/v1/periods/:id/formations/import': { expect: COMMITTEE, url: `/api/v1/periods/${X}/formations/import` },
  'GET /api/v1/periods/:id/formations/export': { expect: COMMITTEE, url: `/api/v1/periods/${X}/formations/export` },
  'GET /api/v1/verifiers': { expect: COMMITTEE },
  'PUT /api/v1/periods/:id/rule-set': { expect: COMMITTEE, url: `/api/v1/periods/${X}/rule-set` },
  'GET /api/v1/public/holidays': { expect: PUBLIC },
  'PUT /api/v1/admin/holidays/:day': { expect: roles('admin'), url: '/api/v1/admin/holidays/2099-01-01' },
  'GET /api/v1/admin/holidays': { expect: roles('admin', 'committee'), url: '/api/v1/admin/holidays?year=2099' },
  'PUT /api/v1/admin/holiday-years/:year': {
    expect: roles('admin'),
    url: '/api/v1/admin/holiday-years/2099',
    body: () => ({ skbReference: 'SKB uji 1/2098', skbDate: null }),
  },
  'GET /api/v1/admin/holiday-years/:year/template': {
    expect: roles('admin'),
    url: '/api/v1/admin/holiday-years/2099/template?format=csv',
  },
  'POST /api/v1/admin/holiday-years/:year/import': {
    expect: roles('admin'),
    url: '/api/v1/admin/holiday-years/2099/import?skbReference=SKB-uji',
  },
  'GET /api/v1/periods/:id/committee': { expect: COMMITTEE, url: `/api/v1/periods/${X}/committee` },
  'GET /api/v1/committee-accounts': { expect: ADMIN_ONLY },
  'POST /api/v1/periods/:id/committee': {
    expect: roles('admin'),
    url: `/api/v1/periods/${X}/committee`,
    body: () => ({ accountId: X }),
  },
  'DELETE /api/v1/periods/:id/committee/:accountId': {
    expect: roles('admin'),
    url: `/api/v1/periods/${X}/committee/${X}`,
  },
  'GET /api/v1/periods/:id/verifiers': { expect: COMMITTEE, url: `/api/v1/periods/${X}/verifiers` },
  'POST /api/v1/periods/:id/verifiers': { expect: COMMITTEE, url: `/api/v1/periods/${X}/verifiers` },
  'DELETE /api/v1/periods/:id/verifiers/:accountId': { expect: COMMITTEE, url: `/api/v1/periods/${X}/verifiers/${X}` },
  'GET /api/v1/periods/:id/announcements': { expect: COMMITTEE, url: `/api/v1/periods/${X}/announcements` },
  'POST /api/v1/periods/:id/announcements': { expect: roles('committee'), url: `/api/v1/periods/${X}/announcements` },
  'POST /api/v1/announcements/:id/decision': { expect: roles('committee'), url: `/api/v1/announcements/${X}/decision` },
  'GET /api/v1/periods/:id/objections': { expect: COMMITTEE, url: `/api/v1/periods/${X}/objections` },
  'POST /api/v1/objections/:id/answer': { expect: roles('committee'), url: `/api/v1/objections/${X}/answer` },
  'GET /api/v1/objections/:id/evidence': { expect: COMMITTEE, url: `/api/v1/objections/${X}/evidence` },
  'GET /api/v1/periods/:id/exam-sites': { expect: COMMITTEE, url: `/api/v1/periods/${X}/exam-sites` },
  'POST /api/v1/periods/:id/exam-sites': { expect: COMMITTEE, url: `/api/v1/periods/${X}/exam-sites` },
  'POST /api/v1/exam-sites/:id/sessions': { expect: COMMITTEE, url: `/api/v1/exam-sites/${X}/sessions` },
  'POST /api/v1/periods/:id/exam-assignments': { expect: COMMITTEE, url: `/api/v1/periods/${X}/exam-assignments` },
  'GET /api/v1/me/profile': { expect: APPLICANT },
  'PUT /api/v1/me/profile': { expect: APPLICANT },
  'GET /api/v1/me/applications': { expect: APPLICANT },
  'POST /api/v1/me/applications': { expect: APPLICANT },
  'GET /api/v1/me/applications/:id': { expect: APPLICANT, url: `/api/v1/me/applications/${X}` },
  'DELETE /api/v1/me/applications/:id': { expect: APPLICANT, url: `/api/v1/me/applications/${X}` },
  'PUT /api/v1/me/applications/:id/documents/:kind': {
    expect: APPLICANT,
    url: `/api/v1/me/applications/${X}/documents/ijazah`,
  },
  'GET /api/v1/applications/:id/documents/:kind': {
    expect: roles('applicant', 'verifier', 'committee'),
    url: `/api/v1/applications/${X}/documents/ijazah`,
  },
  'POST /api/v1/me/applications/:id/submit': { expect: APPLICANT, url: `/api/v1/me/applications/${X}/submit` },
  'GET /api/v1/me/applications/:id/timeline': { expect: APPLICANT, url: `/api/v1/me/applications/${X}/timeline` },
  'GET /api/v1/me/applications/:id/registration-card.pdf': {
    expect: APPLICANT,
    url: `/api/v1/me/applications/${X}/registration-card.pdf`,
  },
  'GET /api/v1/me/applications/:id/exam-card.pdf': {
    expect: APPLICANT,
    url: `/api/v1/me/applications/${X}/exam-card.pdf`,
  },
  'POST /api/v1/me/applications/:id/objection': { expect: APPLICANT, url: `/api/v1/me/applications/${X}/objection` },
  'GET /api/v1/verification/reasons': { expect: STAFF },
  'GET /api/v1/verification/queue': { expect: STAFF, url: `/api/v1/verification/queue?periodId=${X}` },
  'POST /api/v1/verification/claim': { expect: roles('verifier') },
  'GET /api/v1/verification/applications/:id': { expect: STAFF, url: `/api/v1/verification/applications/${X}` },
  'PUT /api/v1/verification/applications/:id/documents/:kind': {
    expect: roles('verifier'),
    url: `/api/v1/verification/applications/${X}/documents/ijazah`,
  },
  'POST /api/v1/verification/applications/:id/verdict': {
    expect: roles('verifier'),
    url: `/api/v1/verification/applications/${X}/verdict`,
  },
  'POST /api/v1/verification/applications/:id/verify': {
    expect: roles('verifier'),
    url: `/api/v1/verification/applications/${X}/verify`,
    body: () => ({
      documents: [{ kind: 'ktp', verdict: 'ms', reasonCode: null, reasonText: null }],
      verdict: 'ms',
      reasonCode: null,
      reasonText: null,
    }),
  },
  'POST /api/v1/verification/applications/:id/review': {
    expect: STAFF,
    url: `/api/v1/verification/applications/${X}/review`,
  },
  'GET /api/v1/me/notifications': { expect: SIGNED_IN },
  'GET /api/v1/me/home': { expect: SIGNED_IN },
  'GET /api/v1/me/notification-settings': { expect: { anonymous: 401, applicant: 404, rest: '2xx' } },
  'PUT /api/v1/me/notification-settings': {
    expect: { anonymous: 401, applicant: 404, rest: '2xx' },
    body: () => ({ dailyDigest: true }),
  },
  'GET /api/v1/periods/:id/outcomes.xlsx': { expect: COMMITTEE, url: `/api/v1/periods/${X}/outcomes.xlsx` },
  'GET /api/v1/public/announcements/:id.pdf': { expect: { rest: 'ok' }, url: `/api/v1/public/announcements/${X}.pdf` },
  'GET /api/v1/exam/items': { expect: roles('exam_admin') },
  'POST /api/v1/exam/items': { expect: roles('exam_admin') },
  'GET /api/v1/exam/items/export': { expect: roles('exam_admin') },
  'POST /api/v1/exam/item-images': { expect: roles('exam_admin') },
  'GET /api/v1/exam/item-images/:id': { expect: { anonymous: 401, rest: 'ok' }, url: `/api/v1/exam/item-images/${X}` }, // the service shows a picture only to whose running test holds it
  'POST /api/v1/exam/items/import': { expect: roles('exam_admin') },
  'GET /api/v1/exam/items/:id': { expect: roles('exam_admin'), url: `/api/v1/exam/items/${X}` },
  'PUT /api/v1/exam/items/:id': { expect: roles('exam_admin'), url: `/api/v1/exam/items/${X}` },
  'DELETE /api/v1/exam/items/:id': { expect: roles('exam_admin'), url: `/api/v1/exam/items/${X}` },
  'GET /api/v1/exam/blueprints': { expect: roles('exam_admin', 'proctor', 'committee') },
  'POST /api/v1/exam/blueprints': { expect: roles('exam_admin') },
  'GET /api/v1/exam/blueprints/:id': {
    expect: roles('exam_admin', 'proctor', 'committee'),
    url: `/api/v1/exam/blueprints/${X}`,
  },
  'PUT /api/v1/exam/blueprints/:id': { expect: roles('exam_admin'), url: `/api/v1/exam/blueprints/${X}` },
  'GET /api/v1/cat/sessions': { expect: roles('proctor', 'committee', 'exam_admin') },
  'GET /api/v1/cat/sessions/:id': {
    expect: roles('proctor', 'committee', 'exam_admin'),
    url: `/api/v1/cat/sessions/${X}`,
  },
  'POST /api/v1/cat/sessions/:id/open': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/open`,
  },
  'POST /api/v1/cat/sessions/:id/close': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/close`,
  },
  'GET /api/v1/cat/sessions/:id/participants': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/participants`,
  },
  'GET /api/v1/cat/sessions/:id/results': {
    expect: roles('proctor', 'committee', 'exam_admin'),
    url: `/api/v1/cat/sessions/${X}/results`,
  },
  'POST /api/v1/cat/sessions/:id/grants': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/grants`,
  },
  'POST /api/v1/cat/sessions/:id/device-approvals': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/device-approvals`,
  },
  'GET /api/v1/cat/sessions/:id/proctors': { expect: roles('committee'), url: `/api/v1/cat/sessions/${X}/proctors` },
  'POST /api/v1/cat/sessions/:id/proctors': {
    expect: roles('committee'),
    url: `/api/v1/cat/sessions/${X}/proctors`,
    body: () => ({ accountId: X }),
  },
  'DELETE /api/v1/cat/sessions/:id/proctors/:accountId': {
    expect: roles('committee'),
    url: `/api/v1/cat/sessions/${X}/proctors/${X}`,
  },
  'POST /api/v1/cat/sessions/:id/lockouts/clear': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/lockouts/clear`,
  },
  'GET /api/v1/cat/sessions/:id/address-blocks': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/address-blocks`,
  },
  'POST /api/v1/cat/sessions/:id/address-blocks/lift': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/address-blocks/lift`,
    body: () => ({ address: '192.0.2.9' }),
  },
  'GET /api/v1/cat/sessions/:id/incidents': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/incidents`,
  },
  'GET /api/v1/cat/sessions/:id/events': {
    expect: roles('proctor', 'committee'),
    url: `/api/v1/cat/sessions/${X}/events`,
  },
  'GET /api/v1/cat/sessions/:id/item-analysis': {
    expect: roles('exam_admin'),
    url: `/api/v1/cat/sessions/${X}/item-analysis`,
  },
  // Public; a token that opens no session is refused (403) before any password counts.
  'POST /api/v1/cat/login': {
    expect: { rest: 'ok' },
    body: () => ({ participantNo: '000000', password: 'bukan-sandi-siapapun', token: 'ABC123' }),
  },
  'GET /api/v1/cat/attempt': { expect: APPLICANT },
  'PUT /api/v1/cat/answers': { expect: APPLICANT },
  'GET /api/v1/cat/socket': { expect: APPLICANT },
  'POST /api/v1/cat/submit': { expect: APPLICANT },
  'GET /api/v1/cat/result': { expect: APPLICANT },
  'GET /api/v1/cat/certificate.pdf': { expect: APPLICANT },
  'GET /api/v1/public/cat/sessions/:id/scoreboard': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/cat/sessions/${X}/scoreboard`,
  },
  'GET /api/v1/public/cat/sessions/:id/scoreboard/stream': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/cat/sessions/${X}/scoreboard/stream`,
  },
  'GET /api/v1/public/cat/certificates/:id': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/cat/certificates/${X}?s=x`,
  },
  'GET /api/v1/public/thresholds': { expect: PUBLIC },
  'PUT /api/v1/admin/thresholds/:year': { expect: roles('admin'), url: '/api/v1/admin/thresholds/2099' },
  'POST /api/v1/periods/:id/skd-scores/import': { expect: COMMITTEE, url: `/api/v1/periods/${X}/skd-scores/import` },
  'GET /api/v1/periods/:id/ranking': { expect: COMMITTEE, url: `/api/v1/periods/${X}/ranking` },
  'POST /api/v1/periods/:id/skd-scores/absences': {
    expect: roles('committee'),
    url: `/api/v1/periods/${X}/skd-scores/absences`,
    body: () => ({ participantNos: ['100001'] }),
  },
  'GET /api/v1/formations/:id/skb-weights': { expect: COMMITTEE, url: `/api/v1/formations/${X}/skb-weights` },
  'PUT /api/v1/formations/:id/skb-weights': { expect: roles('committee'), url: `/api/v1/formations/${X}/skb-weights` },
  'PUT /api/v1/periods/:id/skb-scores/:participantNo': {
    expect: roles('committee'),
    url: `/api/v1/periods/${X}/skb-scores/100001`,
    body: () => ({ components: null }),
  },
  'POST /api/v1/periods/:id/skb-scores/import': {
    expect: roles('committee'),
    url: `/api/v1/periods/${X}/skb-scores/import`,
  },
  'GET /api/v1/periods/:id/selection-settings': { expect: COMMITTEE, url: `/api/v1/periods/${X}/selection-settings` },
  'PUT /api/v1/periods/:id/selection-settings': {
    expect: roles('committee'),
    url: `/api/v1/periods/${X}/selection-settings`,
  },
  'GET /api/v1/periods/:id/publications': { expect: COMMITTEE, url: `/api/v1/periods/${X}/publications` },
  'POST /api/v1/periods/:id/publications': { expect: roles('committee'), url: `/api/v1/periods/${X}/publications` },
  'POST /api/v1/publications/:id/decision': { expect: roles('committee'), url: `/api/v1/publications/${X}/decision` },
  'GET /api/v1/public/results/periods/:id': { expect: PUBLIC, url: `/api/v1/public/results/periods/${X}` },
  'GET /api/v1/employees': { expect: roles('admin', 'training_admin', 'supervisor') },
  'GET /api/v1/employees/:id': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: `/api/v1/employees/${X}`,
  },
  'GET /api/v1/me/employee': { expect: { anonymous: 401, rest: 'ok' } },
  'GET /api/v1/employees/template': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/employees/export': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/employees/import': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/training/partners': { expect: roles('admin', 'training_admin', 'supervisor') },
  'POST /api/v1/training/partners': { expect: roles('training_admin') },
  'GET /api/v1/training/programs': { expect: roles('admin', 'training_admin', 'supervisor') },
  'POST /api/v1/training/programs': { expect: roles('training_admin') },
  'POST /api/v1/training/programs/:id/batches': {
    expect: roles('training_admin'),
    url: `/api/v1/training/programs/${X}/batches`,
  },
  'GET /api/v1/training/batches/:id': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: `/api/v1/training/batches/${X}`,
  },
  'POST /api/v1/training/batches/:id/enrollments': {
    expect: roles('training_admin', 'supervisor'),
    url: `/api/v1/training/batches/${X}/enrollments`,
    body: () => ({ employeeId: X }),
  },
  'POST /api/v1/training/enrollments/:id/cancel': {
    expect: roles('training_admin', 'supervisor'),
    url: `/api/v1/training/enrollments/${X}/cancel`,
  },
  'PUT /api/v1/training/batches/:id/schedule': {
    expect: roles('training_admin'),
    url: `/api/v1/training/batches/${X}/schedule`,
    body: () => ({ startsOn: '2026-08-10', endsOn: '2026-08-12', reason: 'Jadwal berubah' }),
  },
  'POST /api/v1/training/batches/:id/finish': {
    expect: roles('training_admin'),
    url: `/api/v1/training/batches/${X}/finish`,
    body: () => ({ enrollmentIds: [X], passed: true }),
  },
  'GET /api/v1/training/jp': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/training/jp?year=2026',
  },
  'GET /api/v1/training/jp.xlsx': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/training/jp.xlsx?year=2026',
  },
  'POST /api/v1/training/jp/reminders': { expect: roles('admin', 'training_admin'), body: () => ({ year: 2026 }) },
  'GET /api/v1/me/training': { expect: { anonymous: 401, rest: 'ok' }, url: '/api/v1/me/training?year=2026' },
  'POST /api/v1/me/jp-claims': { expect: { anonymous: 401, rest: 'ok' } },
  'GET /api/v1/training/jp-claims': { expect: roles('admin', 'training_admin', 'supervisor') },
  'POST /api/v1/training/jp-claims/:id/decision': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: `/api/v1/training/jp-claims/${X}/decision`,
    body: () => ({ approve: true, note: null }),
  },
  'GET /api/v1/training/batches/:id/meetings': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: `/api/v1/training/batches/${X}/meetings`,
  },
  'POST /api/v1/training/batches/:id/meetings': {
    expect: roles('training_admin'),
    url: `/api/v1/training/batches/${X}/meetings`,
    body: () => ({ title: 'Pertemuan', startsAt: '2026-08-10T08:00:00+08:00', endsAt: '2026-08-10T16:00:00+08:00' }),
  },
  'GET /api/v1/training/meetings/:id/qr': { expect: roles('training_admin'), url: `/api/v1/training/meetings/${X}/qr` },
  'POST /api/v1/me/attendance': {
    expect: { anonymous: 401, rest: 'ok' },
    body: () => ({ token: `${X}.1.AAAAAAAAAAAAAAAA` }),
  },
  'POST /api/v1/training/meetings/:id/attendance': {
    expect: roles('training_admin'),
    url: `/api/v1/training/meetings/${X}/attendance`,
    body: () => ({ enrollmentId: X, present: true }),
  },
  'GET /api/v1/training/batches/:id/attendance': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: `/api/v1/training/batches/${X}/attendance`,
  },
  'GET /api/v1/training/batches/:id/attendance.xlsx': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/training/batches/${X}/attendance.xlsx`,
  },
  'PUT /api/v1/training/enrollments/:id/scores': {
    expect: roles('training_admin'),
    url: `/api/v1/training/enrollments/${X}/scores`,
    body: () => ({ preTest: 50, postTest: 80, assignmentDone: true }),
  },
  'GET /api/v1/training/batches/:id/certificates': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/training/batches/${X}/certificates`,
  },
  'POST /api/v1/training/batches/:id/certificates': {
    expect: roles('training_admin'),
    url: `/api/v1/training/batches/${X}/certificates`,
    body: () => ({ enrollmentIds: [X] }),
  },
  'POST /api/v1/training/certificates/:id/revoke': {
    expect: roles('training_admin'),
    url: `/api/v1/training/certificates/${X}/revoke`,
    body: () => ({ reason: 'Salah catat' }),
  },
  'GET /api/v1/training/certificates/:id/pdf': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/training/certificates/${X}/pdf`,
  },
  'GET /api/v1/public/training/certificates/:id': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/training/certificates/${X}?s=x`,
  },
  'POST /api/v1/me/enrollments/:id/feedback': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/me/enrollments/${X}/feedback`,
    body: () => ({ facilitator: 5, material: 5, venue: 5, usefulness: 5 }),
  },
  'GET /api/v1/training/test-blueprints': {
    expect: { anonymous: 401, rest: 404, admin: '2xx', training_admin: '2xx' },
  },
  'GET /api/v1/training/batches/:id/tests': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/training/batches/${X}/tests`,
  },
  'PUT /api/v1/training/batches/:id/tests/:phase': {
    expect: roles('training_admin'),
    url: `/api/v1/training/batches/${X}/tests/post`,
    body: () => ({ blueprintId: X, opensAt: '2026-08-10T08:00:00+08:00', closesAt: '2026-08-10T16:00:00+08:00' }),
  },
  'DELETE /api/v1/training/batches/:id/tests/:phase': {
    expect: roles('training_admin'),
    url: `/api/v1/training/batches/${X}/tests/post`,
  },
  'GET /api/v1/me/training-tests': { expect: SIGNED_IN },
  'POST /api/v1/me/enrollments/:id/tests/:phase/start': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/me/enrollments/${X}/tests/pre/start`,
  },
  'GET /api/v1/me/training-tests/:id': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/me/training-tests/${X}`,
  },
  'PUT /api/v1/me/training-tests/:id/answers': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/me/training-tests/${X}/answers`,
    body: () => ({ itemId: X, chosen: 'A', seq: 1 }),
  },
  'POST /api/v1/me/training-tests/:id/submit': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/me/training-tests/${X}/submit`,
  },
  'GET /api/v1/training/feedback/partners': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/training/batches/:id/feedback': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/training/batches/${X}/feedback`,
  },
  'GET /api/v1/appointments/periods/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/appointments/periods/${X}`,
  },
  'GET /api/v1/appointments/periods/:id/sheet': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/appointments/periods/${X}/sheet`,
  },
  'POST /api/v1/appointments/periods/:id/import': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/appointments/periods/${X}/import`,
  },
  'POST /api/v1/appointments': {
    expect: roles('admin', 'training_admin'),
    body: () => ({ periodId: X, applicationId: X, nip: '199903122026032001', tmt: '2026-03-01', golongan: 'III/a' }),
  },
  'GET /api/v1/probation': { expect: roles('admin', 'training_admin', 'supervisor') },
  'POST /api/v1/probation/reminders': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/me/probation': { expect: SIGNED_IN },
  'GET /api/v1/performance/years/:year/rules': { expect: SIGNED_IN, url: '/api/v1/performance/years/2026/rules' },
  'PUT /api/v1/performance/years/:year/rules': {
    expect: roles('admin'),
    url: '/api/v1/performance/years/2099/rules',
    body: () => ({ matrix: {} }),
  },
  'PUT /api/v1/performance/years/:year/organizations/:organizationId': {
    expect: roles('admin'),
    url: '/api/v1/performance/years/2099/organizations/kominfo',
    body: () => ({ predikat: 'baik' }),
  },
  'GET /api/v1/performance/team': { expect: roles('supervisor'), url: '/api/v1/performance/team?year=2026' },
  'POST /api/v1/performance/plans': {
    expect: { anonymous: 401, rest: 'ok' },
    body: () => ({ year: 2026, employeeId: null }),
  },
  'GET /api/v1/performance/plans/:id': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/performance/plans/${X}`,
  },
  'POST /api/v1/performance/plans/:id/results': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/performance/plans/${X}/results`,
  },
  'POST /api/v1/performance/results/:id/cascade': {
    expect: roles('supervisor'),
    url: `/api/v1/performance/results/${X}/cascade`,
    body: () => ({ unit: true }),
  },
  'PUT /api/v1/performance/plans/:id/behaviours': {
    expect: roles('supervisor'),
    url: `/api/v1/performance/plans/${X}/behaviours`,
    body: () => ({ expectations: {} }),
  },
  'POST /api/v1/performance/plans/:id/agree': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/performance/plans/${X}/agree`,
  },
  'POST /api/v1/performance/plans/:id/reopen': {
    expect: roles('supervisor'),
    url: `/api/v1/performance/plans/${X}/reopen`,
  },
  'PUT /api/v1/performance/plans/:id/evaluations/:period': {
    expect: roles('supervisor'),
    url: `/api/v1/performance/plans/${X}/evaluations/q1`,
  },
  'POST /api/v1/performance/plans/:id/evaluations/:period/finalise': {
    expect: roles('supervisor'),
    url: `/api/v1/performance/plans/${X}/evaluations/q1/finalise`,
  },
  'POST /api/v1/performance/results/:id/notes': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/performance/results/${X}/notes`,
    body: () => ({ kind: 'feedback', body: 'Catatan' }),
  },
  'POST /api/v1/performance/results/:id/files': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/performance/results/${X}/files`,
  },
  'GET /api/v1/performance/notes/:id/file': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/performance/notes/${X}/file`,
  },
  'GET /api/v1/performance/dashboard': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/performance/dashboard?year=2026',
  },
  'GET /api/v1/performance/export': {
    expect: { anonymous: 401, rest: 404, admin: '2xx', training_admin: '2xx' },
    url: '/api/v1/performance/export?year=2026&period=q1',
  },
  'GET /api/v1/performance/competency-plan': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/performance/competency-plan?year=2026',
  },
  'GET /api/v1/performance/competency-plan/export': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/performance/competency-plan/export?year=2026',
  },
  'GET /api/v1/public/performance': { expect: PUBLIC, url: '/api/v1/public/performance?year=2026' },
  'POST /api/v1/performance/import': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/performance/competency-plan/pdf': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/performance/competency-plan/pdf?year=2026',
  },
  'GET /api/v1/me/performance': { expect: { anonymous: 401, rest: 'ok' }, url: '/api/v1/me/performance?year=2026' },
  'POST /api/v1/me/performance/enrollments': {
    expect: { anonymous: 401, rest: 'ok' },
    url: '/api/v1/me/performance/enrollments?year=2026',
    body: () => ({ programId: X, batchId: X }),
  },
  'GET /api/v1/policies': {
    expect: { anonymous: 401, rest: 404, admin: '2xx', training_admin: '2xx', supervisor: '2xx' },
  },
  'POST /api/v1/policies': {
    expect: roles('admin'),
    body: () => ({
      number: `SE-${++staffCounter}/2026`,
      title: 'Surat Edaran Uji',
      issuedOn: '2026-01-05',
      issuer: 'bkn',
    }),
  },
  'GET /api/v1/policies/:id': { expect: roles('admin', 'training_admin', 'supervisor'), url: `/api/v1/policies/${X}` },
  'POST /api/v1/policies/:id/actions': {
    expect: roles('admin'),
    url: `/api/v1/policies/${X}/actions`,
    body: () => ({ title: 'Aksi uji', organizationId: 'kominfo' }),
  },
  'POST /api/v1/policy-actions/:id/milestones': {
    expect: roles('admin'),
    url: `/api/v1/policy-actions/${X}/milestones`,
    body: () => ({ title: 'Tonggak uji', dueOn: '2026-03-01' }),
  },
  'PATCH /api/v1/policy-milestones/:id': {
    expect: roles('admin', 'supervisor'),
    url: `/api/v1/policy-milestones/${X}`,
    body: () => ({ status: 'done' }),
  },
  // Hukuman disiplin: BKPSDM and the person themself only (issue 26) — never supervisors, never public.
  'GET /api/v1/discipline/kinds': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/discipline/records': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/discipline/records': {
    expect: roles('admin', 'training_admin'),
    body: () => ({
      nip: '199001012015031999',
      kind: 'teguran_lisan',
      reason: 'Uji akses',
      skNumber: 'UJI/1',
      skDate: '2026-01-05',
      imposedBy: 'Pejabat uji',
      start: '2026-01-05',
    }),
  },
  'GET /api/v1/discipline/records/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/discipline/records/${X}`,
  },
  'PATCH /api/v1/discipline/records/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/discipline/records/${X}`,
    body: () => ({}),
  },
  'PUT /api/v1/discipline/records/:id/objection': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/discipline/records/${X}/objection`,
    body: () => ({ status: 'none', filedOn: null, decidedOn: null, note: null }),
  },
  'POST /api/v1/discipline/records/:id/sk': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/discipline/records/${X}/sk`,
  },
  'GET /api/v1/discipline/records/:id/sk': {
    expect: roles('admin', 'training_admin', 'employee'),
    url: `/api/v1/discipline/records/${X}/sk`,
  },
  'GET /api/v1/discipline/employees/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/discipline/employees/${X}`,
  },
  'GET /api/v1/discipline/mine': { expect: roles('employee') },
  'GET /api/v1/discipline/template': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/discipline/import': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/discipline/absence': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/ip-asn/instruments': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/ip-asn/instruments': {
    expect: roles('admin', 'training_admin'),
    body: () => ({ version: 'uji', basedOn: X, note: '', body: {} }),
  },
  'PUT /api/v1/ip-asn/years/:year': {
    expect: roles('admin', 'training_admin'),
    url: '/api/v1/ip-asn/years/2026',
    body: () => ({ instrumentId: X }),
  },
  'POST /api/v1/ip-asn/recompute': { expect: roles('admin', 'training_admin'), body: () => ({ year: 2014 }) },
  'GET /api/v1/me/ip-asn': { expect: { anonymous: 401, rest: 'ok' } },
  'GET /api/v1/ip-asn/employees/:id': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: `/api/v1/ip-asn/employees/${X}`,
  },
  'POST /api/v1/ip-asn/employees/:id/recompute': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/ip-asn/employees/${X}/recompute`,
  },
  'GET /api/v1/public/policies': { expect: PUBLIC },
  'GET /api/v1/public/policies/:id': { expect: { rest: 'ok' }, url: `/api/v1/public/policies/${X}` },
  'GET /api/v1/correlation/periods': {
    expect: { anonymous: 401, rest: 404, committee: '2xx', admin: '2xx', training_admin: '2xx' },
  },
  'GET /api/v1/correlation/periods/:id': {
    expect: roles('committee', 'admin', 'training_admin'),
    url: `/api/v1/correlation/periods/${X}`,
  },
  'GET /api/v1/public/correlation': { expect: PUBLIC },
  // Education and competency history (issue 26 §1): BKPSDM keeps them; the person reads their own.
  'GET /api/v1/records/employees/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/employees/${X}`,
  },
  'POST /api/v1/records/employees/:id/education': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/employees/${X}/education`,
    body: () => ({
      level: 's1',
      institution: 'Universitas Tadulako',
      major: '',
      graduationYear: 2012,
      isHighest: true,
    }),
  },
  'PATCH /api/v1/records/education/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/education/${X}`,
    body: () => ({ level: 's1', institution: 'Universitas Tadulako', major: '', graduationYear: 2012 }),
  },
  'DELETE /api/v1/records/education/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/education/${X}`,
  },
  'POST /api/v1/records/education/:id/highest': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/education/${X}/highest`,
  },
  'POST /api/v1/records/education/:id/ijazah': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/education/${X}/ijazah`,
  },
  'GET /api/v1/records/education/:id/ijazah': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/records/education/${X}/ijazah`,
  },
  'POST /api/v1/records/employees/:id/competency': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/employees/${X}/competency`,
  },
  'PATCH /api/v1/records/competency/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/competency/${X}`,
  },
  'DELETE /api/v1/records/competency/:id': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/competency/${X}`,
  },
  'GET /api/v1/records/education/template': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/records/education/import': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/records/competency/template': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/records/competency/import': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/me/records': { expect: { anonymous: 401, rest: 'ok' } },
  'POST /api/v1/me/records/corrections': { expect: { anonymous: 401, rest: 'ok' } },
  'GET /api/v1/records/corrections': { expect: roles('admin', 'training_admin') },
  'POST /api/v1/records/corrections/:id/decision': {
    expect: roles('admin', 'training_admin'),
    url: `/api/v1/records/corrections/${X}/decision`,
    body: () => ({ decision: 'rejected', note: 'Bukti tidak sesuai.' }),
  },
  'GET /api/v1/records/corrections/:id/evidence': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/records/corrections/${X}/evidence`,
  },
  'GET /api/v1/public/results/periods/:id/formations/:code': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/results/periods/${X}/formations/A1`,
  },
  'GET /api/v1/public/results/publications/:id/announcement.pdf': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/results/publications/${X}/announcement.pdf`,
  },
  'GET /api/v1/public/results/publications/:id/files/:name': {
    expect: { rest: 'ok' },
    url: `/api/v1/public/results/publications/${X}/files/skd.csv`,
  },
  'GET /api/v1/public/challenge': { expect: PUBLIC, url: '/api/v1/public/challenge?purpose=complaint' },
  // Public forms: without a solved challenge (anonymous) they answer 400; signed in they pass it.
  'POST /api/v1/public/complaints': { expect: { rest: 'ok' } },
  'POST /api/v1/public/complaints/:trackingId/attachments': {
    expect: { rest: 'ok' },
    url: '/api/v1/public/complaints/PGD-22222-22222/attachments',
  },
  'GET /api/v1/public/complaints/:trackingId': {
    expect: { rest: 'ok' },
    url: '/api/v1/public/complaints/PGD-22222-22222',
  },
  'POST /api/v1/public/complaints/:trackingId/replies': {
    expect: { rest: 'ok' },
    url: '/api/v1/public/complaints/PGD-22222-22222/replies',
    body: () => ({ action: 'reply', body: 'Tanggapan saya' }),
  },
  'GET /api/v1/public/complaint-statistics': { expect: PUBLIC },
  'GET /api/v1/complaints': {
    expect: roles(
      'admin',
      'committee',
      'verifier',
      'exam_admin',
      'proctor',
      'training_admin',
      'supervisor',
      'employee',
    ),
  },
  'GET /api/v1/complaints/:id': {
    expect: roles(
      'admin',
      'committee',
      'verifier',
      'exam_admin',
      'proctor',
      'training_admin',
      'supervisor',
      'employee',
    ),
    url: `/api/v1/complaints/${X}`,
  },
  'GET /api/v1/complaints/:id/attachments/:attachmentId': {
    expect: roles(
      'admin',
      'committee',
      'verifier',
      'exam_admin',
      'proctor',
      'training_admin',
      'supervisor',
      'employee',
    ),
    url: `/api/v1/complaints/${X}/attachments/${X}`,
  },
  'GET /api/v1/complaints/:id/lapor-handoff.txt': {
    expect: COMMITTEE,
    url: `/api/v1/complaints/${X}/lapor-handoff.txt`,
  },
  'POST /api/v1/complaints/:id/dispose': {
    expect: COMMITTEE,
    url: `/api/v1/complaints/${X}/dispose`,
    body: () => ({ organizationId: 'bkpsdm', note: 'Mohon ditindaklanjuti.' }),
  },
  'POST /api/v1/complaints/:id/reject': {
    expect: COMMITTEE,
    url: `/api/v1/complaints/${X}/reject`,
    body: () => ({ reason: 'Di luar kewenangan pemerintah kota.' }),
  },
  'POST /api/v1/complaints/:id/events/:eventId/redact': {
    expect: COMMITTEE,
    url: `/api/v1/complaints/${X}/events/${X}/redact`,
    body: () => ({ phrase: 'Nama Orang' }),
  },
  'POST /api/v1/complaints/:id/follow-up': {
    expect: roles(
      'admin',
      'committee',
      'verifier',
      'exam_admin',
      'proctor',
      'training_admin',
      'supervisor',
      'employee',
    ),
    url: `/api/v1/complaints/${X}/follow-up`,
    body: () => ({ body: 'Tindak lanjut yang cukup panjang untuk diterima.' }),
  },
  'GET /api/v1/participation/settings': { expect: roles('admin', 'committee') },
  'PUT /api/v1/admin/participation/sla': {
    expect: roles('admin'),
    body: () => ({ verifyDays: 3, followUpDays: 5, closeAfterDays: 10 }),
  },
  'PUT /api/v1/admin/participation/ikm-bands': { expect: roles('admin') },
  'GET /api/v1/public/service-units': { expect: PUBLIC },
  'POST /api/v1/service-units': { expect: roles('admin') },
  'GET /api/v1/public/service-units/:unitId': { expect: { rest: 'ok' }, url: '/api/v1/public/service-units/tidak-ada' },
  'POST /api/v1/public/service-units/:unitId/responses': {
    expect: { rest: 'ok' },
    url: '/api/v1/public/service-units/tidak-ada/responses',
  },
  'GET /api/v1/public/service-units/:unitId/results': {
    expect: { rest: 'ok' },
    url: '/api/v1/public/service-units/tidak-ada/results',
  },
  'GET /api/v1/service-units/:unitId/poster.pdf': {
    expect: roles('admin'),
    url: '/api/v1/service-units/tidak-ada/poster.pdf',
  },
  'POST /api/v1/observer/accreditations': {
    expect: roles('observer'),
    url: `/api/v1/observer/accreditations?periodId=${X}&organizationName=LSM%20Uji&organizationKind=lsm&contactPerson=Andi`,
  },
  'GET /api/v1/observer/accreditations': { expect: roles('observer') },
  'GET /api/v1/accreditations': { expect: COMMITTEE },
  'GET /api/v1/accreditations/:id/letter': { expect: COMMITTEE, url: `/api/v1/accreditations/${X}/letter` },
  'POST /api/v1/accreditations/:id/decision': {
    expect: roles('committee'),
    url: `/api/v1/accreditations/${X}/decision`,
    body: () => ({ approve: false, reason: 'Surat tidak lengkap.' }),
  },
  // Observers pass access control; without an accreditation the service answers 403.
  'GET /api/v1/observer/periods/:periodId/process': {
    expect: roles('observer', 'committee', 'admin'),
    url: `/api/v1/observer/periods/${X}/process`,
  },
  'POST /api/v1/observer/periods/:periodId/findings': {
    expect: roles('observer'),
    url: `/api/v1/observer/periods/${X}/findings`,
  },
  'POST /api/v1/observer/findings/:id/evidence': {
    expect: roles('observer'),
    url: `/api/v1/observer/findings/${X}/evidence`,
  },
  'GET /api/v1/findings': { expect: roles('observer', 'committee', 'admin') },
  'GET /api/v1/findings/:id/evidence': {
    expect: roles('observer', 'committee', 'admin'),
    url: `/api/v1/findings/${X}/evidence`,
  },
  'POST /api/v1/findings/:id/answer': {
    expect: roles('committee'),
    url: `/api/v1/findings/${X}/answer`,
    body: () => ({ answer: 'Jawaban panitia yang cukup panjang.' }),
  },
  'POST /api/v1/findings/:id/redact': {
    expect: COMMITTEE,
    url: `/api/v1/findings/${X}/redact`,
    body: () => ({ phrase: 'Nama Orang' }),
  },
  'GET /api/v1/public/findings': { expect: PUBLIC },
  'GET /api/v1/public/open-data': { expect: PUBLIC },
  'GET /api/v1/public/open-data/:file': { expect: PUBLIC, url: '/api/v1/public/open-data/formations.csv' },
  'GET /api/v1/public/consultations': { expect: PUBLIC },
  'GET /api/v1/public/consultations/:id': { expect: { rest: 'ok' }, url: `/api/v1/public/consultations/${X}` },
  'POST /api/v1/consultations': { expect: COMMITTEE },
  'PUT /api/v1/consultations/:id': { expect: COMMITTEE, url: `/api/v1/consultations/${X}` },
  'POST /api/v1/consultations/:id/open': { expect: COMMITTEE, url: `/api/v1/consultations/${X}/open` },
  'POST /api/v1/consultations/:id/final': { expect: COMMITTEE, url: `/api/v1/consultations/${X}/final` },
  'POST /api/v1/consultations/:id/close': { expect: COMMITTEE, url: `/api/v1/consultations/${X}/close` },
  'GET /api/v1/me/participation': { expect: SIGNED_IN },
  'POST /api/v1/consultation-sections/:id/comments': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/consultation-sections/${X}/comments`,
    body: () => ({ body: 'Komentar uji yang cukup panjang.' }),
  },
  'POST /api/v1/consultation-comments/:id/hide': {
    expect: COMMITTEE,
    url: `/api/v1/consultation-comments/${X}/hide`,
    body: () => ({ reason: 'Di luar pokok bahasan.' }),
  },
  'POST /api/v1/consultation-comments/:id/answer': {
    expect: COMMITTEE,
    url: `/api/v1/consultation-comments/${X}/answer`,
    body: () => ({ answer: 'Jawaban panitia.' }),
  },
  'GET /api/v1/public/forums': { expect: PUBLIC },
  'GET /api/v1/public/forums/:id': { expect: { rest: 'ok' }, url: `/api/v1/public/forums/${X}` },
  'POST /api/v1/forums': { expect: COMMITTEE },
  'POST /api/v1/forums/:id/registrations': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/forums/${X}/registrations`,
  },
  'DELETE /api/v1/forums/:id/registrations': {
    expect: { anonymous: 401, rest: 'ok' },
    url: `/api/v1/forums/${X}/registrations`,
  },
  'POST /api/v1/forums/:id/minutes': { expect: COMMITTEE, url: `/api/v1/forums/${X}/minutes` },
  'POST /api/v1/forum-actions/:id/done': {
    expect: COMMITTEE,
    url: `/api/v1/forum-actions/${X}/done`,
    body: () => ({ note: 'Selesai dikerjakan.' }),
  },
  'GET /api/v1/ip-asn/report': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/ip-asn/report?year=2025',
  },
  'GET /api/v1/ip-asn/report/organizations/:organizationId/pdf': {
    expect: roles('admin', 'training_admin', 'supervisor'),
    url: '/api/v1/ip-asn/report/organizations/kominfo/pdf?year=2025',
  },
  'GET /api/v1/ip-asn/report/export': {
    expect: { anonymous: 401, rest: 404, admin: '2xx', training_admin: '2xx' },
    url: '/api/v1/ip-asn/report/export?year=2025&format=csv',
  },
  'GET /api/v1/ip-asn/official/template': {
    expect: { anonymous: 401, rest: 404, admin: '2xx', training_admin: '2xx' },
  },
  'POST /api/v1/ip-asn/official/import': { expect: roles('admin', 'training_admin') },
  'GET /api/v1/public/ip-asn': { expect: PUBLIC },
  'GET /api/v1/admin/jobs/failed': { expect: ADMIN_ONLY },
  'POST /api/v1/admin/jobs/:name/:id/retry': {
    expect: { anonymous: 401, admin: 'ok', rest: 404 },
    url: `/api/v1/admin/jobs/mail.send/${X}/retry`,
  },
};

/** Access control's own refusal, told apart from a service's "not found" by its wording. */
const ACCESS_DENIED = 'Halaman atau data tidak ditemukan.';

let ctx: TestContext;
const agents = new Map<Caller, Agent>();

beforeAll(async () => {
  ctx = await createTestContext();
  agents.set('anonymous', new Agent(ctx.app));
  for (const role of ROLES) agents.set(role, await signedInAgent(ctx, role));
});
afterAll(() => ctx?.close());

describe('authorization matrix', () => {
  it('names every registered route', () => {
    const registered = ctx.app.routeTable.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((k) => !(k in MATRIX));
    expect(missing, 'routes missing from the authorization matrix').toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !registered.includes(k));
    expect(stale, 'matrix rows for routes that no longer exist').toEqual([]);
  });

  it('agrees with every endpoint declaration: who may not call it is refused before anything else', () => {
    const problems: string[] = [];
    for (const ep of declarationsOf(ALL_ENDPOINTS)) {
      const key = `${ep.method} ${ep.path}`;
      const row = MATRIX[key];
      if (!row) {
        problems.push(`${key}: declared but not in the matrix`);
        continue;
      }
      const expected = (caller: Caller) => row.expect[caller] ?? row.expect.rest;
      if (ep.access !== 'public' && expected('anonymous') !== 401)
        problems.push(`${key}: not public, yet anonymous is not 401`);
      if (Array.isArray(ep.access)) {
        for (const role of ROLES) {
          const declared = ep.access.includes(role);
          if (!declared && expected(role) !== 404) problems.push(`${key}: ${role} is not declared, yet not 404`);
          if (declared && (expected(role) === 404 || expected(role) === 401))
            problems.push(`${key}: ${role} is declared, yet refused`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    it(`${key} answers each caller as the matrix says`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      for (const caller of CALLERS) {
        if (key === 'POST /api/v1/auth/logout') continue; // checked below: it would end the shared sessions
        const expected = row.expect[caller] ?? row.expect.rest!;
        const res = await agents
          .get(caller)!
          .request(method as 'GET', row.url ?? path, method === 'GET' ? undefined : (row.body?.() ?? {}));
        const denied = res.statusCode === 404 && res.body.includes(ACCESS_DENIED);
        const got =
          expected === 'ok'
            ? res.statusCode === 401 || denied || res.statusCode >= 500
              ? res.statusCode
              : 'ok'
            : res.statusCode >= 200 && res.statusCode < 400
              ? '2xx'
              : res.statusCode;
        expect(got, `${caller} → ${key}: ${res.body.slice(0, 200)}`).toBe(expected);
        if (expected === 404) expect(denied, `${caller} → ${key} must be refused by access control`).toBe(true);
      }
    });
  }

  it('POST /api/v1/auth/logout: 401 for anonymous, 2xx for each role', async () => {
    expect((await agents.get('anonymous')!.post('/api/v1/auth/logout')).statusCode).toBe(401);
    for (const role of ROLES) {
      const agent = await signedInAgent(ctx, role);
      expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    }
  });

  it('checks access before reading the body: a forbidden caller learns nothing from validation', async () => {
    const res = await agents.get('verifier')!.post('/api/v1/admin/accounts', { nonsense: true });
    expect(res.statusCode).toBe(404);
  });
});
