import { describe, expect, it } from 'vitest';
import { ApiError, parseApiError, readCookie } from './api.ts';

describe('parseApiError', () => {
  it('reads code, message, field messages and request id from the server error shape', () => {
    const err = parseApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Periksa kembali isian Anda.',
        fields: [{ field: 'birthDate', message: 'Tanggal lahir tidak sesuai dengan NIK.' }, { field: 7 }],
        requestId: 'req-1',
      },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Periksa kembali isian Anda.');
    expect(err.fields).toEqual([{ field: 'birthDate', message: 'Tanggal lahir tidak sesuai dengan NIK.' }]);
    expect(err.fieldMessage('birthDate')).toBe('Tanggal lahir tidak sesuai dengan NIK.');
    expect(err.fieldMessage('nik')).toBeUndefined();
    expect(err.requestId).toBe('req-1');
  });

  it('turns a body that is not the error shape into BAD_RESPONSE with no message', () => {
    for (const body of [undefined, null, '<html>', { error: 'x' }, { error: { message: 'no code' } }]) {
      const err = parseApiError(502, body);
      expect(err.code).toBe('BAD_RESPONSE');
      expect(err.message).toBe('');
      expect(err.fields).toEqual([]);
    }
  });
});

describe('readCookie', () => {
  it('finds a cookie among others, keeping "=" inside the value', () => {
    const jar = 'merit_lang=en; merit_csrf=abc.def=; other=1';
    expect(readCookie(jar, 'merit_csrf')).toBe('abc.def=');
    expect(readCookie(jar, 'merit_lang')).toBe('en');
  });

  it('does not match a cookie whose name only ends with the wanted name', () => {
    expect(readCookie('xmerit_csrf=1', 'merit_csrf')).toBeUndefined();
    expect(readCookie('', 'merit_csrf')).toBeUndefined();
  });
});
