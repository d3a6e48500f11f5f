/** Correlation endpoints (issue 26 §4): the committee's and BKPSDM's report per period, and the public aggregate. */
import { z } from 'zod';
import { CorrelationPeriodsResponse, CorrelationReport, PublicCorrelationResponse } from './correlation.ts';
import { defineEndpoints } from './endpoint.ts';

const STAFF = ['committee', 'admin', 'training_admin'] as const;

export const correlationEndpoints = defineEndpoints('correlation', {
  periods: {
    method: 'GET',
    path: '/api/v1/correlation/periods',
    access: STAFF,
    summary: 'Periode seleksi yang pegawainya sudah punya SKP tahun pertama',
    responses: { 200: CorrelationPeriodsResponse },
  },
  report: {
    method: 'GET',
    path: '/api/v1/correlation/periods/:id',
    access: STAFF,
    period: 'period',
    summary: 'Korelasi nilai seleksi dengan Latsar, SKP tahun pertama, dan IP ASN (agregat)',
    params: z.strictObject({ id: z.uuid() }),
    responses: { 200: CorrelationReport },
  },
  publicReports: {
    method: 'GET',
    path: '/api/v1/public/correlation',
    access: 'public',
    summary: 'Apakah seleksi memilih orang yang berkinerja? (agregat publik)',
    responses: { 200: PublicCorrelationResponse },
  },
});
