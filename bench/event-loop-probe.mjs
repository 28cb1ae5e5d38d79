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
//   kernel does not give them. Good to one scheduler tick: the kernel adds a running thread's CPU to
//   schedstat at each tick (4 ms with CONFIG_HZ=250) and each switch, so a hold of 0.1 ms that straddles
//   a tick can read 4 ms.
// - `heldGcMs`: how much of that longest hold went to garbage-collection pauses (the wall-clock time of
//   the collections perf_hooks reports within it).
// - `heldOutsideGcMs`: the most CPU held between two turns less the collections within them: the work
//   of requests (and timers). A collection pays for the garbage of every request before it, not the one
//   it interrupts. The incremental marking steps V8 takes inside allocations are not reported as
//   collections, so they count here, against the requests; a collection's wall-clock time can exceed its
//   CPU when it waits for a core, so a hold that overlaps one can read short here.
//
// The bench resets before an endpoint's 1-connection rounds and reads after them. Without an IPC channel
// it does nothing. The API itself carries no probe.
import { openSync, readSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

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

/** Holds shorter than this are only counted in the window's longest, not kept one by one. */
const KEPT_HOLD_NS = 2e6;

/** Milliseconds of the spans [start, end] (performance.now() times) that fall within [from, to]. */
const overlapMs = (spans, from, to) =>
  spans.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ms = (value) => Math.round(value * 100) / 100;
  const onCpuNs = cpuClock();
  let lastOnCpu = onCpuNs?.() ?? null;
  let lastTurn = performance.now();
  let heldNs = 0;
  /** The window's holds of KEPT_HOLD_NS or more ([from, to, CPU ms]) and collections ([start, end]). */
  let holds = [];
  let collections = [];
  if (onCpuNs) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) collections.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ entryTypes: ['gc'] });
    setInterval(() => {
      const now = onCpuNs();
      const turn = performance.now();
      const held = now - lastOnCpu;
      heldNs = Math.max(heldNs, held);
      if (held >= KEPT_HOLD_NS) holds.push([lastTurn, turn, held / 1e6]);
      lastOnCpu = now;
      lastTurn = turn;
    }, 1).unref();
  }
  /**
   * The window's longest hold, its collections, and the longest hold less its collections (a window
   * whose holds were all shorter than KEPT_HOLD_NS answers its longest for the last).
   */
  const heldFigures = () => {
    if (!onCpuNs) return { heldMs: null, heldGcMs: null, heldOutsideGcMs: null };
    let longest = null;
    let outside = holds.length ? 0 : heldNs / 1e6;
    for (const hold of holds) {
      if (!longest || hold[2] > longest[2]) longest = hold;
      outside = Math.max(outside, hold[2] - overlapMs(collections, hold[0], hold[1]));
    }
    return {
      heldMs: ms(heldNs / 1e6),
      heldGcMs: longest ? ms(overlapMs(collections, longest[0], longest[1])) : 0,
      heldOutsideGcMs: ms(outside),
    };
  };
  process.on('message', (message) => {
    if (message === 'reset') {
      histogram.reset();
      heldNs = 0;
      holds = [];
      collections = [];
      process.send('reset');
    } else if (message === 'read') {
      process.send({
        maxMs: ms(histogram.max / 1e6),
        p99Ms: ms(histogram.percentile(99) / 1e6),
        meanMs: ms(histogram.mean / 1e6),
        ...heldFigures(),
      });
    }
  });
  // The channel must not keep the API up once it is asked to stop.
  process.channel?.unref();
}
