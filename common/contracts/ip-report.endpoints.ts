/** IP ASN reports: the unit's and city's dashboard, the OPD report PDF, the BKN-like export, BKN's figures, the public page. */
import { defineEndpoints, FILE, MULTIPART } from './endpoint.ts';
import {
  ExportQuery,
  IpPublicResponse,
  IpReportQuery,
  IpReportResponse,
  OfficialImportQuery,
  OfficialImportResponse,
  OrganizationReportParams,
  SheetQuery,
  YearQuery,
} from './ip-report.ts';

const BKPSDM = ['admin', 'training_admin'] as const;
const STAFF = ['admin', 'training_admin', 'supervisor'] as const;

export const ipReportEndpoints = defineEndpoints('professionalism', {
  dashboard: {
    method: 'GET',
    path: '/api/v1/ip-asn/report',
    access: STAFF,
    summary: 'Indeks Profesionalitas ASN per OPD, jenis jabatan dan PNS/PPPK (BKPSDM: kota; atasan: OPD-nya)',
    query: IpReportQuery,
    responses: { 200: IpReportResponse },
  },
  organizationPdf: {
    method: 'GET',
    path: '/api/v1/ip-asn/report/organizations/:organizationId/pdf',
    access: STAFF,
    summary: 'Laporan IP ASN satu OPD untuk Wali Kota (PDF)',
    params: OrganizationReportParams,
    query: YearQuery,
    responses: { 200: FILE },
  },
  exportSheet: {
    method: 'GET',
    path: '/api/v1/ip-asn/report/export',
    access: BKPSDM,
    summary: 'Ekspor IP ASN per pegawai dengan kolom seperti BKN (XLSX/CSV; tercatat di audit)',
    query: ExportQuery,
    responses: { 200: FILE },
  },
  officialTemplate: {
    method: 'GET',
    path: '/api/v1/ip-asn/official/template',
    access: BKPSDM,
    summary: 'Templat angka resmi IP ASN dari BKN (XLSX/CSV)',
    query: SheetQuery,
    responses: { 200: FILE },
  },
  officialImport: {
    method: 'POST',
    path: '/api/v1/ip-asn/official/import',
    access: BKPSDM,
    summary: 'Periksa (commit=false) atau impor angka resmi IP ASN dari BKN: semua baris atau tidak sama sekali',
    query: OfficialImportQuery,
    body: MULTIPART,
    responses: { 200: OfficialImportResponse },
  },
  publicFigures: {
    method: 'GET',
    path: '/api/v1/public/ip-asn',
    access: 'public',
    summary: 'Indeks Profesionalitas ASN kota dan per OPD (kelompok ≥ 5 orang saja)',
    query: YearQuery,
    responses: { 200: IpPublicResponse },
  },
});
