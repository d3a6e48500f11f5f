/**
 * Registers a route from its declaration in common/contracts (docs/adr/0008): the method, path,
 * access, period scope and schemas come from there, so a route cannot disagree with the web's
 * typed client. The handler gets the parsed params, query and body; what it returns is sent with
 * the declaration's success status (a handler that streams a file sends through `reply` itself).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type BodyOf,
  type EndpointDef,
  FILE,
  type HandlerResultOf,
  MULTIPART,
  type ParamsOf,
  type QueryOf,
  successStatus,
} from '../../../common/contracts/endpoint.ts';

/** A request with its parsed params, query and body typed from the declaration (still a FastifyRequest). */
export type EndpointRequest<E extends EndpointDef> = FastifyRequest & {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
};
type MaybePromise<T> = T | Promise<T>;
export type EndpointHandler<E extends EndpointDef> = (
  req: EndpointRequest<E>,
  reply: FastifyReply,
) => MaybePromise<HandlerResultOf<E> | FastifyReply>;

/** Route options a declaration does not carry (an `onRequest` hook, a route's own body limit). */
export type RouteExtras = Pick<RouteShorthandOptions, 'onRequest' | 'preHandler' | 'bodyLimit'>;

/** Registers one declared endpoint on the app. */
export function route<E extends EndpointDef & { tags?: readonly string[] }>(
  app: FastifyInstance,
  ep: E,
  handler: EndpointHandler<E>,
  extras: RouteExtras = {},
): void {
  const response: Record<number, unknown> = {};
  for (const [code, schema] of Object.entries(ep.responses)) if (schema !== FILE) response[Number(code)] = schema;
  const status = successStatus(ep);
  app.withTypeProvider<ZodTypeProvider>().route({
    method: ep.method,
    url: ep.path,
    config: { access: ep.access, ...(ep.period ? { period: ep.period } : {}) },
    schema: {
      ...(ep.tags ? { tags: [...ep.tags] } : {}),
      summary: ep.summary,
      ...(ep.hide ? { hide: true } : {}),
      ...(ep.params ? { params: ep.params } : {}),
      ...(ep.query ? { querystring: ep.query } : {}),
      ...(ep.body && ep.body !== MULTIPART ? { body: ep.body } : {}),
      ...(Object.keys(response).length > 0 ? { response } : {}),
    },
    ...extras,
    handler: async (req, reply) => {
      if (status !== 200) reply.status(status);
      return handler(req as unknown as EndpointRequest<E>, reply);
    },
  });
}

/** Every declaration in a set of endpoint groups, for the test that routes and declarations agree. */
export function declarationsOf(groups: Record<string, Record<string, EndpointDef>>): EndpointDef[] {
  return Object.values(groups).flatMap((g) => Object.values(g));
}
