/** Development endpoints; the response types come from the contracts the server validates against. */
import type { z } from 'zod';
import type { EmployeeImportResponse, EmployeeListResponse, EmployeeView } from '../../../../common/contracts/development.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';

export type Employee = z.infer<typeof EmployeeView>;
export type EmployeeList = z.infer<typeof EmployeeListResponse>;
export type EmployeeImport = z.infer<typeof EmployeeImportResponse>;
export interface EmployeeFilters {
  q: string;
  organizationId: string;
  status: string;
  page: number;
}

const query = (f: EmployeeFilters) => {
  const p = new URLSearchParams({ page: String(f.page), pageSize: '50' });
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.organizationId) p.set('organizationId', f.organizationId);
  if (f.status) p.set('status', f.status);
  return p.toString();
};

export const developmentApi = {
  employees: (f: EmployeeFilters) => api<EmployeeList>(`/api/v1/employees?${query(f)}`),
  employee: (id: string) => api<Employee>(`/api/v1/employees/${id}`),
  mine: () => api<Employee>('/api/v1/me/employee'),
  importSheet: (file: File, commit: boolean, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<EmployeeImport>('POST', `/api/v1/employees/import?commit=${commit}`, form, onProgress);
  },
  sheetUrl: (kind: 'export' | 'template', format: 'xlsx' | 'csv') => `/api/v1/employees/${kind}?format=${format}`,
};
