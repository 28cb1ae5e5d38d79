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
 * in `app.handle`); done to an object V8 has already built, it made V8 keep the requests' objects past
 * young-generation collections and move them to the old generation, to be collected there later.
 * Measured: an Express app answering `{ status: 'ok' }` moved 3–5 MB of every 10 MB it allocated (4–5 ms
 * pauses), with these classes nothing (0.2 ms); the API's `/api/health` 1.8 MB → 55 KB per collection
 * (2.5–4 → 0.8 ms); its refill queue page, alternating runs of 4,000: 1.46–1.48 → 1.27–1.29 ms of CPU per
 * request. `app.request` and `app.response` become the classes' prototypes, so Express's
 * `setPrototypeOf` sets the prototype an object already has: a no-op.
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
