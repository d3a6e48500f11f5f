/**
 * One declaration per endpoint (docs/adr/0008-one-declaration-per-endpoint.md): method, path, who
 * may call it, a summary, and the zod schemas of its params, query, body and responses. The server
 * registers its route from the declaration (server/src/http/endpoints.ts) and the web calls it
 * through the typed client (web/src/app/client.ts), so path, method and shapes cannot drift apart.
 */
import type { z } from 'zod';
import type { Role } from './identity.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint: 'public' (anyone), 'signed-in' (any role), or the list of roles.
 * Enforced in one hook on the server: no session → 401; a role not listed → 404.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * What an endpoint's `:id` names, for endpoints a committee member may use only on the periods
 * whose committee they sit on (the access hook resolves the period and refuses others with 404).
 */
export type PeriodScope =
  | 'period'
  | 'formation'
  | 'application'
  | 'announcement'
  | 'objection'
  | 'exam-site'
  | 'exam-session'
  | 'publication'
  | 'accreditation'
  | 'finding';

/** A response that is not JSON (a PDF, a spreadsheet, a stored file, a stream): the web links to it. */
export const FILE = { kind: 'file' } as const;
/** A multipart request body (an upload): the web sends FormData. */
export const MULTIPART = { kind: 'multipart' } as const;

type Schema = z.ZodType;
export interface EndpointDef {
  method: Method;
  path: `/api/${string}`;
  access: Access;
  period?: PeriodScope;
  summary: string;
  params?: Schema;
  query?: Schema;
  body?: Schema | typeof MULTIPART;
  /** Status → schema; the first 2xx key is the status a successful call answers with. */
  responses: Partial<Record<200 | 201 | 202 | 204, Schema | typeof FILE>>;
  /** Left out of the OpenAPI document (internal or streaming endpoints). */
  hide?: boolean;
}
export type Endpoint = EndpointDef & { tags: readonly string[] };

/** Declares a module's endpoints under one OpenAPI tag; keys are the names the web calls them by. */
export function defineEndpoints<const G extends Record<string, EndpointDef>>(
  tag: string,
  group: G,
): { [K in keyof G]: G[K] & { tags: readonly string[] } } {
  const out: Record<string, Endpoint> = {};
  for (const [name, def] of Object.entries(group)) out[name] = { ...def, tags: [tag] };
  return out as { [K in keyof G]: G[K] & { tags: readonly string[] } };
}

/** The status a successful call answers with: the first 2xx the declaration names. */
export function successStatus(ep: EndpointDef): 200 | 201 | 202 | 204 {
  const codes = Object.keys(ep.responses).map(Number) as (200 | 201 | 202 | 204)[];
  return codes.sort((a, b) => a - b)[0] ?? 200;
}

/** Fills `:name` segments of a path from params (URI-encoded); throws on a missing one. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** `?a=1&b=x` from a query object, leaving out undefined, null and empty values. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

type SuccessKey<E extends EndpointDef> = Extract<keyof E['responses'], 200 | 201 | 202 | 204>;
type SuccessSchema<E extends EndpointDef> = E['responses'][SuccessKey<E>];
/** What a successful call returns, as the web sees it (the response schema's output). */
export type ResponseOf<E extends EndpointDef> =
  SuccessSchema<E> extends infer S ? (S extends Schema ? z.output<S> : never) : never;
/** What a server handler may return for a JSON endpoint (the response schema's input). */
export type HandlerResultOf<E extends EndpointDef> =
  SuccessSchema<E> extends infer S ? (S extends Schema ? z.input<S> : unknown) : never;

type Field<S, Key extends string> = S extends Schema
  ? Record<string, never> extends z.input<S>
    ? { [K in Key]?: z.input<S> }
    : { [K in Key]: z.input<S> }
  : unknown;
/** The arguments a call takes: params, query and body, each typed from its schema's input. */
export type ArgsOf<E extends EndpointDef> = Field<E['params'], 'params'> &
  Field<E['query'], 'query'> &
  Field<E['body'], 'body'>;
/** Parsed request parts a server handler sees (the schemas' output). */
export type ParamsOf<E extends EndpointDef> = E['params'] extends Schema
  ? z.output<E['params']>
  : Record<string, never>;
export type QueryOf<E extends EndpointDef> = E['query'] extends Schema ? z.output<E['query']> : Record<string, never>;
export type BodyOf<E extends EndpointDef> = E['body'] extends Schema ? z.output<E['body']> : undefined;
