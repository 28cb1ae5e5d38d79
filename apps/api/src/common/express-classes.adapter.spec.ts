import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import cookieParser from 'cookie-parser';
import type { Express, Request } from 'express';
import { ExpressClassesAdapter } from './express-classes.adapter.js';

describe('ExpressClassesAdapter', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("creates each request and response already of Express's prototypes, and Express works on them", async () => {
    const adapter = new ExpressClassesAdapter();
    adapter.initHttpServer({});
    const app = adapter.getInstance<Express>();
    app.use(cookieParser());
    app.get('/x', (req, res) => {
      res.status(201).json({ ip: req.ip, cookies: req.cookies as unknown, host: req.hostname });
    });
    server = adapter.getHttpServer() as http.Server;
    // Seen before Express's own handler: the prototype the server gave, not the one Express sets.
    const seen: { request: boolean; response: boolean; isIncomingMessage: boolean }[] = [];
    server.prependListener('request', (req: Request, res: http.ServerResponse) => {
      seen.push({
        request: Object.getPrototypeOf(req) === app.request,
        response: Object.getPrototypeOf(res) === app.response,
        isIncomingMessage: req instanceof http.IncomingMessage && res instanceof http.ServerResponse,
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const res = await fetch(`http://127.0.0.1:${port}/x`, { headers: { cookie: 'a=1' } });

    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ip: '127.0.0.1', cookies: { a: '1' }, host: '127.0.0.1' });
    expect(seen).toEqual([{ request: true, response: true, isIncomingMessage: true }]);
  });

  it("keeps Nest's own server, and Express's prototypes, where Nest does more than create one", () => {
    const adapter = new ExpressClassesAdapter();
    adapter.initHttpServer({ forceCloseConnections: true });
    const app = adapter.getInstance<Express>();
    // Express's own request prototype: no class's constructor of its own.
    expect(Object.hasOwn(app.request, 'constructor')).toBe(false);
    expect(Object.hasOwn(app.request, 'app')).toBe(true);
  });
});
