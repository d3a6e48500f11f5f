/** IP ASN endpoints (issue 26 §2–§3): BKPSDM's instrument versions, year assignment and recomputation; a person's index. */
import { defineEndpoints } from './endpoint.ts';
import {
  AssignYearBody,
  EmployeeIdParams,
  IpInstrumentsResponse,
  IpPersonResponse,
  IpYearParams,
  RecomputeBody,
  RecomputeResponse,
  SaveInstrumentBody,
} from './ip-asn.ts';
import { z } from 'zod';

const BKPSDM = ['admin', 'training_admin'] as const;

export const ipAsnEndpoints = defineEndpoints('ip-asn', {
  instruments: {
    method: 'GET',
    path: '/api/v1/ip-asn/instruments',
    access: BKPSDM,
    summary: 'Versi instrumen IP ASN, sel sementara, dan versi tiap tahun',
    responses: { 200: IpInstrumentsResponse },
  },
  saveInstrument: {
    method: 'POST',
    path: '/api/v1/ip-asn/instruments',
    access: BKPSDM,
    summary: 'Simpan versi baru instrumen IP ASN (versi lama tidak diubah)',
    body: SaveInstrumentBody,
    responses: { 201: z.object({ id: z.string(), version: z.string() }) },
  },
  assignYear: {
    method: 'PUT',
    path: '/api/v1/ip-asn/years/:year',
    access: BKPSDM,
    summary: 'Tetapkan versi instrumen yang mengukur satu tahun',
    params: IpYearParams,
    body: AssignYearBody,
    responses: { 200: z.object({ year: z.number(), instrumentId: z.string() }) },
  },
  recompute: {
    method: 'POST',
    path: '/api/v1/ip-asn/recompute',
    access: BKPSDM,
    summary: 'Hitung ulang IP ASN semua pegawai untuk satu tahun atau semua tahun',
    body: RecomputeBody,
    responses: { 200: RecomputeResponse },
  },
  mine: {
    method: 'GET',
    path: '/api/v1/me/ip-asn',
    access: 'signed-in',
    summary: 'Indeks Profesionalitas saya: per tahun, alasan, dan yang dapat menaikkannya',
    responses: { 200: IpPersonResponse },
  },
  ofEmployee: {
    method: 'GET',
    path: '/api/v1/ip-asn/employees/:id',
    access: ['admin', 'training_admin', 'supervisor'],
    summary: 'Indeks Profesionalitas seorang pegawai (BKPSDM; atasan untuk timnya)',
    params: EmployeeIdParams,
    responses: { 200: IpPersonResponse },
  },
  recomputeEmployee: {
    method: 'POST',
    path: '/api/v1/ip-asn/employees/:id/recompute',
    access: BKPSDM,
    summary: 'Hitung ulang IP ASN satu pegawai untuk semua tahun yang ditetapkan',
    params: EmployeeIdParams,
    responses: { 200: RecomputeResponse },
  },
});
