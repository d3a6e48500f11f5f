/** Policy follow-up endpoints: BKPSDM's action plans, the responsible OPD's milestone updates, the public progress pages. */
import { z } from 'zod';
import { defineEndpoints } from './endpoint.ts';
import {
  ActionBody,
  IdResponse,
  MilestoneBody,
  MilestoneUpdateBody,
  MilestoneUpdateResponse,
  PolicyBody,
  PolicyListResponse,
  PolicyView,
} from './performance.ts';

const Id = z.strictObject({ id: z.uuid() });
const STAFF = ['admin', 'training_admin', 'supervisor'] as const;

export const policyEndpoints = defineEndpoints('policy', {
  list: {
    method: 'GET',
    path: '/api/v1/policies',
    access: STAFF,
    summary: 'Kebijakan pusat dan kemajuan rencana aksinya',
    responses: { 200: PolicyListResponse },
  },
  create: {
    method: 'POST',
    path: '/api/v1/policies',
    access: ['admin'],
    summary: 'Catat kebijakan pusat',
    body: PolicyBody,
    responses: { 201: IdResponse },
  },
  get: {
    method: 'GET',
    path: '/api/v1/policies/:id',
    access: STAFF,
    summary: 'Rencana aksi satu kebijakan',
    params: Id,
    responses: { 200: PolicyView },
  },
  addAction: {
    method: 'POST',
    path: '/api/v1/policies/:id/actions',
    access: ['admin'],
    summary: 'Tambah aksi daerah dengan tonggaknya',
    params: Id,
    body: ActionBody,
    responses: { 201: IdResponse },
  },
  addMilestone: {
    method: 'POST',
    path: '/api/v1/policy-actions/:id/milestones',
    access: ['admin'],
    summary: 'Tambah tonggak',
    params: Id,
    body: MilestoneBody,
    responses: { 201: IdResponse },
  },
  updateMilestone: {
    method: 'PATCH',
    path: '/api/v1/policy-milestones/:id',
    access: ['admin', 'supervisor'],
    summary: 'Perbarui status, bukti, atau jawaban keterlambatan tonggak',
    params: Id,
    body: MilestoneUpdateBody,
    responses: { 200: MilestoneUpdateResponse },
  },
  publicList: {
    method: 'GET',
    path: '/api/v1/public/policies',
    access: 'public',
    summary: 'Kemajuan tindak lanjut kebijakan (publik)',
    responses: { 200: PolicyListResponse },
  },
  publicGet: {
    method: 'GET',
    path: '/api/v1/public/policies/:id',
    access: 'public',
    summary: 'Linimasa dan bukti publik satu kebijakan',
    params: Id,
    responses: { 200: PolicyView },
  },
});
