/**
 * The one fetch wrapper of the web app: JSON in and out, the CSRF header on unsafe methods, and
 * the server's error shape turned into a typed ApiError so forms can place field messages.
 */

export const CSRF_COOKIE = 'merit_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Codes the server sends, plus two the client makes up when there is no server answer. */
export type ApiErrorCode = string | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldProblem[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    fields?: FieldProblem[];
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId ?? null;
  }

  /** The message for one body field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `{ error: { code, message, fields?, requestId } }`; anything else (a proxy's HTML page,
 * an empty body) becomes BAD_RESPONSE with an empty message so the UI shows its own text.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) ? body.error : undefined;
  if (!isRecord(err) || typeof err.code !== 'string') {
    return new ApiError({ status, code: 'BAD_RESPONSE', message: '' });
  }
  const fields = Array.isArray(err.fields)
    ? err.fields.flatMap((f): FieldProblem[] =>
        isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string'
          ? [{ field: f.field, message: f.message }]
          : [],
      )
    : [];
  return new ApiError({
    status,
    code: err.code,
    message: typeof err.message === 'string' ? err.message : '',
    fields,
    requestId: typeof err.requestId === 'string' ? err.requestId : null,
  });
}

/** Value of one cookie from a `document.cookie` string (undefined when absent). */
export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token every unsafe request carries (the cookie's copy). */
export async function csrfToken(): Promise<string> {
  let token = readCookie(document.cookie, CSRF_COOKIE);
  if (!token) {
    // Every server response sets the cookie; a cheap GET gets one when the page came from cache.
    await fetch('/api/health', { credentials: 'same-origin' }).catch(() => undefined);
    token = readCookie(document.cookie, CSRF_COOKIE);
  }
  return token ?? '';
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON, or throws ApiError. */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method)) headers[CSRF_HEADER] = await csrfToken();

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) throw parseApiError(res.status, json);
  return json as T;
}
