/**
 * Hukuman disiplin endpoints (issue 26 §1): BKPSDM (admin, training_admin) records, corrects and
 * imports punishments and their objections; the person themself reads their own and downloads
 * their SK. Nobody else — not supervisors, not the public. Every read and change is audited.
 */
import { z } from 'zod';
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import {
  AbsenceQuery,
  AbsenceResponse,
  DisciplineBody,
  DisciplineEditBody,
  DisciplineIdResponse,
  DisciplineImportResponse,
  DisciplineListQuery,
  DisciplineListResponse,
  DisciplineRecordView,
  EmployeeDisciplineResponse,
  ImportQuery,
  KindsQuery,
  KindsResponse,
  MyDisciplineResponse,
  ObjectionBody,
  SheetQuery,
} from './discipline.ts';

const Id = z.strictObject({ id: z.uuid() });
const BKPSDM = ['admin', 'training_admin'] as const;

export const disciplineEndpoints = defineEndpoints('discipline', {
  kinds: {
    method: 'GET',
    path: '/api/v1/discipline/kinds',
    access: BKPSDM,
    summary: 'Jenis hukuman disiplin PP 94/2021 dengan tingkat, masa, dan usulan tanggal akhir',
    query: KindsQuery,
    responses: { 200: KindsResponse },
  },
  list: {
    method: 'GET',
    path: '/api/v1/discipline/records',
    access: BKPSDM,
    summary: 'Daftar hukuman disiplin (dicatat di log audit)',
    query: DisciplineListQuery,
    responses: { 200: DisciplineListResponse },
  },
  create: {
    method: 'POST',
    path: '/api/v1/discipline/records',
    access: BKPSDM,
    summary: 'Catat hukuman disiplin seorang pegawai',
    body: DisciplineBody,
    responses: { 201: DisciplineIdResponse },
  },
  get: {
    method: 'GET',
    path: '/api/v1/discipline/records/:id',
    access: BKPSDM,
    summary: 'Satu catatan hukuman disiplin (dicatat di log audit)',
    params: Id,
    responses: { 200: DisciplineRecordView },
  },
  update: {
    method: 'PATCH',
    path: '/api/v1/discipline/records/:id',
    access: BKPSDM,
    summary: 'Ubah atau koreksi catatan hukuman disiplin',
    params: Id,
    body: DisciplineEditBody,
    responses: { 200: DisciplineRecordView },
  },
  objection: {
    method: 'PUT',
    path: '/api/v1/discipline/records/:id/objection',
    access: BKPSDM,
    summary: 'Catat upaya administratif (keberatan/banding) dan hasilnya',
    params: Id,
    body: ObjectionBody,
    responses: { 200: DisciplineRecordView },
  },
  uploadSk: {
    method: 'POST',
    path: '/api/v1/discipline/records/:id/sk',
    access: BKPSDM,
    summary: 'Unggah SK hukuman disiplin (PDF, maks. 2 MB)',
    params: Id,
    body: MULTIPART,
    responses: { 200: DisciplineRecordView },
  },
  sk: {
    method: 'GET',
    path: '/api/v1/discipline/records/:id/sk',
    access: ['admin', 'training_admin', 'employee'],
    summary: 'Unduh SK hukuman disiplin (BKPSDM atau pegawai yang bersangkutan; dicatat di log audit)',
    params: Id,
    responses: { 200: FILE },
  },
  ofEmployee: {
    method: 'GET',
    path: '/api/v1/discipline/employees/:id',
    access: BKPSDM,
    summary: 'Riwayat hukuman disiplin satu pegawai (dicatat di log audit)',
    params: Id,
    responses: { 200: EmployeeDisciplineResponse },
  },
  mine: {
    method: 'GET',
    path: '/api/v1/discipline/mine',
    access: ['employee'],
    summary: 'Hukuman disiplin saya',
    responses: { 200: MyDisciplineResponse },
  },
  template: {
    method: 'GET',
    path: '/api/v1/discipline/template',
    access: BKPSDM,
    summary: 'Templat impor hukuman disiplin (XLSX/CSV)',
    query: SheetQuery,
    responses: { 200: FILE },
  },
  importSheet: {
    method: 'POST',
    path: '/api/v1/discipline/import',
    access: BKPSDM,
    summary: 'Periksa (commit=false) atau impor hukuman disiplin dari XLSX/CSV: semua baris atau tidak sama sekali',
    query: ImportQuery,
    body: MULTIPART,
    responses: { 200: DisciplineImportResponse },
  },
  absence: {
    method: 'GET',
    path: '/api/v1/discipline/absence',
    access: BKPSDM,
    summary: 'Usulan jenis hukuman untuk ketidakhadiran tanpa alasan sah (Pasal 11 PP 94/2021; hanya usulan)',
    query: AbsenceQuery,
    responses: { 200: AbsenceResponse },
  },
});
