import { describe, expect, it } from 'vitest';
import { actorPseudonym, storedActorId } from './audit-actors.ts';

const key = Buffer.alloc(32, 7);
const A = '0b7c6f0e-3a51-4f7e-9a43-0d6f5f2b1c11';

describe('which actors the public audit log names', () => {
  it('names staff acting in office by account, whatever the subject', () => {
    for (const role of ['admin', 'committee', 'verifier', 'proctor', 'supervisor', 'employee'])
      expect(storedActorId(key, { id: A, role }, 'complaint', 'c1')).toBe(A);
  });

  it('pseudonymises everyone else per subject: stable on one subject, unlinkable across subjects', () => {
    const one = storedActorId(key, { id: A, role: 'applicant' }, 'application', 'x1');
    expect(one).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one).not.toBe(A);
    expect(storedActorId(key, { id: A, role: 'applicant' }, 'application', 'x1')).toBe(one);
    expect(storedActorId(key, { id: A, role: 'applicant' }, 'application', 'x2')).not.toBe(one);
    expect(storedActorId(Buffer.alloc(32, 8), { id: A, role: 'applicant' }, 'application', 'x1')).not.toBe(one);
  });

  it('never names a person acting for themselves, even with a staff role; nothing without a subject', () => {
    expect(storedActorId(key, { id: A, role: 'reporter', capacity: 'person' }, 'complaint', 'c1')).toBe(
      actorPseudonym(key, A, 'complaint', 'c1'),
    );
    expect(storedActorId(key, { id: A, role: 'committee', capacity: 'person' }, 'complaint', 'c1')).not.toBe(A);
    expect(storedActorId(key, { id: A, role: 'reporter', capacity: 'person' }, 'complaint', null)).toBeNull();
    expect(storedActorId(key, { id: null, role: 'public' }, 'complaint', 'c1')).toBeNull();
    expect(storedActorId(key, { id: A, role: 'observer', capacity: 'office' }, 'finding', 'f1')).toBe(A);
  });
});
