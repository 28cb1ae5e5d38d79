// Optional probe for `npm run bench:http -- --event-loop`: preloaded into the API process with
// `node --import ./bench/event-loop-probe.mjs`, it watches the event loop's delay
// (perf_hooks.monitorEventLoopDelay, 1 ms resolution) and answers the bench over the process's IPC
// channel: 'reset' starts a new window, 'read' sends { maxMs, p99Ms, meanMs } of the window since.
// The bench resets before an endpoint's 1-connection run and reads after it, so `maxMs` is the longest
// the loop was held while that endpoint was served one request at a time (a garbage-collection pause
// in the window counts too). Without an IPC channel it does nothing. The API itself carries no probe.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 10_000) / 100;
  process.on('message', (message) => {
    if (message === 'reset') {
      histogram.reset();
      process.send('reset');
    } else if (message === 'read') {
      process.send({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean) });
    }
  });
  // The channel must not keep the API up once it is asked to stop.
  process.channel?.unref();
}
