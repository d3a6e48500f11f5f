/**
 * The typed client: the web calls an endpoint by its declaration in common/contracts (docs/adr/0008),
 * so the path, the method and the shapes of params, query, body and answer are the server's own.
 * It is the only place in the web that builds an `/api/v1` address.
 */
import {
  type ArgsOf,
  type EndpointDef,
  fillPath,
  queryString,
  type ResponseOf,
} from '../../../common/contracts/endpoint.ts';
import { api } from './api.ts';
import { uploadForm } from './upload.ts';

type Rest<E extends EndpointDef> =
  Record<string, never> extends ArgsOf<E>
    ? [args?: ArgsOf<E> & { signal?: AbortSignal }]
    : [args: ArgsOf<E> & { signal?: AbortSignal }];
type Loose = {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
};

/** The address of an endpoint with its params and query filled in (links, downloads, img src). */
export function urlOf<E extends EndpointDef>(ep: E, ...[args]: Rest<E>): string {
  const a = (args ?? {}) as Loose;
  return fillPath(ep.path, a.params) + queryString(a.query);
}

/** Calls a JSON endpoint and returns its parsed answer, or throws ApiError. */
export function call<E extends EndpointDef>(ep: E, ...[args]: Rest<E>): Promise<ResponseOf<E>> {
  const a = (args ?? {}) as Loose;
  return api<ResponseOf<E>>(urlOf(ep, ...([args] as Rest<E>)), {
    method: ep.method,
    ...(a.body !== undefined ? { body: a.body } : {}),
    ...(a.signal ? { signal: a.signal } : {}),
  });
}

/** Sends a multipart endpoint's FormData, reporting upload progress (fetch cannot). */
export function upload<E extends EndpointDef>(
  ep: E,
  args: ArgsOf<E>,
  form: FormData,
  onProgress?: (percent: number) => void,
): Promise<ResponseOf<E>> {
  if (ep.method !== 'POST' && ep.method !== 'PUT') throw new Error(`${ep.path}: an upload is a POST or a PUT`);
  const a = args as Loose;
  return uploadForm<ResponseOf<E>>(ep.method, fillPath(ep.path, a.params) + queryString(a.query), form, onProgress);
}
