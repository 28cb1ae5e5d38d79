import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { z } from 'zod';
import { ACCESS_KEY, type Access } from '../common/access.decorators.js';
import { IDEMPOTENT_KEY } from '../common/idempotency/idempotent.decorator.js';
import { OPERATION_DOC_KEY, type OperationDoc, TAG_DOC_KEY } from '../common/openapi/documented.decorator.js';
import { IdPipe, ZodPipe } from '../common/zod-body.pipe.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

const METHODS: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** One route as Nest will serve it, with everything its decorators and pipes say about it. */
export interface RouteInfo {
  controller: string;
  handler: string;
  method: HttpMethod;
  /** OpenAPI form, without the global `/api` prefix: `/pumps/{id}/fills`. */
  path: string;
  status: number;
  access: Access | undefined;
  isIdempotent: boolean;
  /** Path parameters in template order; `isId` when an IdPipe checks it (a malformed id answers 404). */
  pathParams: { name: string; isId: boolean }[];
  query: z.ZodType | undefined;
  body: z.ZodType | undefined;
  tag: { name: string; description: string } | undefined;
  doc: OperationDoc | undefined;
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

const zodPipeSchema = (arg: RouteArg | undefined) =>
  arg?.pipes?.find((p): p is ZodPipe<z.ZodType> => p instanceof ZodPipe)?.schema;

/** Reads every route of the given controllers from Nest's own metadata (the same the router uses). */
export function readRoutes(controllers: readonly Type[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
    const tag = Reflect.getMetadata(TAG_DOC_KEY, controller) as RouteInfo['tag'];
    const prototype = controller.prototype as Record<string, unknown>;
    for (const handlerName of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[handlerName];
      if (handlerName === 'constructor' || typeof handler !== 'function') continue;
      const routePath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (routePath === undefined || requestMethod === undefined) continue;
      const method = METHODS[requestMethod];
      if (!method) throw new Error(`${controller.name}.${handlerName}: HTTP method ${requestMethod} is not documented`);
      const args = Object.entries(
        (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) as Record<string, RouteArg> | undefined) ??
          {},
      ).map(([key, arg]) => ({ type: Number(key.split(':')[0]), ...arg }));
      const byType = (type: RouteParamtypes) => args.filter((a) => a.type === (type as number));
      const access =
        (Reflect.getMetadata(ACCESS_KEY, handler) as Access | undefined) ??
        (Reflect.getMetadata(ACCESS_KEY, controller) as Access | undefined);
      for (const p of Array.isArray(routePath) ? routePath : [routePath]) {
        const nestPath = joinPath(base, p);
        const names = [...nestPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
        const params = byType(RouteParamtypes.PARAM);
        routes.push({
          controller: controller.name,
          handler: handlerName,
          method,
          path: nestPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
          status:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'post' ? 201 : 200),
          access,
          isIdempotent: Reflect.getMetadata(IDEMPOTENT_KEY, handler) === true,
          pathParams: names.map((name) => ({
            name,
            isId: params.some((a) => a.data === name && a.pipes?.some((pipe) => pipe === IdPipe)),
          })),
          query: zodPipeSchema(byType(RouteParamtypes.QUERY)[0]),
          body: zodPipeSchema(byType(RouteParamtypes.BODY)[0]),
          tag,
          doc: Reflect.getMetadata(OPERATION_DOC_KEY, handler) as OperationDoc | undefined,
        });
      }
    }
  }
  return routes;
}
