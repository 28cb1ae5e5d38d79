// Optional probe for `npm run bench:http -- --event-loop`: preloaded into the API process with
// `node --import ./bench/event-loop-probe.mjs`, it watches the event loop and answers the bench over the
// process's IPC channel: 'reset' starts a new window, 'read' sends the window's figures since:
//
// - `maxMs`, `p99Ms`, `meanMs`: the loop's delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution), in
//   wall-clock time: the longest the loop was late, for whatever reason.
// - `heldMs`: the most CPU the API's main thread used between two turns of a 1 ms timer — the longest the
//   loop was held by work of its own (a request's code, or a garbage-collection pause). On this 2-core
//   machine the API shares the cores with autocannon and PostgreSQL, and a late loop is often one that
//   waited for a core: the thread's scheduler figures (/proc/self/task/<pid>/schedstat: nanoseconds on a
//   CPU, nanoseconds runnable but waiting) showed gaps of 8–13 ms with 0.1 ms on a CPU. Null where the
//   kernel does not give them.
//
// The bench resets before an endpoint's 1-connection rounds and reads after them. Without an IPC channel
// it does nothing. The API itself carries no probe.
import { openSync, readSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Reads the main thread's nanoseconds on a CPU (one pread of its schedstat), or null where there is none. */
function cpuClock() {
  try {
    const fd = openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
    const buffer = Buffer.alloc(128);
    return () => Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ')[0]);
  } catch {
    return null;
  }
}

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 10_000) / 100;
  const onCpuNs = cpuClock();
  let lastOnCpu = onCpuNs?.() ?? null;
  let heldNs = 0;
  if (onCpuNs) {
    setInterval(() => {
      const now = onCpuNs();
      heldNs = Math.max(heldNs, now - lastOnCpu);
      lastOnCpu = now;
    }, 1).unref();
  }
  process.on('message', (message) => {
    if (message === 'reset') {
      histogram.reset();
      heldNs = 0;
      process.send('reset');
    } else if (message === 'read') {
      process.send({
        maxMs: ms(histogram.max),
        p99Ms: ms(histogram.percentile(99)),
        meanMs: ms(histogram.mean),
        heldMs: onCpuNs ? ms(heldNs) : null,
      });
    }
  });
  // The channel must not keep the API up once it is asked to stop.
  process.channel?.unref();
}
