// How bench:http measures: autocannon runs, the API's event-loop probe, and the paired measurement of
// one read at every size (and beside its reference) in alternating one-second rounds.
import autocannon from 'autocannon';

/** The value at a quantile of sorted numbers, to 0.01. */
const quantile = (sorted, q) =>
  Math.round(100 * sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]) / 100;

/**
 * One autocannon run, answered raw so runs can be summed: every 2xx response's own time (ms;
 * autocannon's histogram counts whole milliseconds), the responses, the time from the run's start to
 * its last response, and the status counts.
 */
function run(options) {
  return new Promise((resolve, reject) => {
    const times = [];
    const startedAt = performance.now();
    let lastResponseAt = startedAt;
    const instance = autocannon({ timeout: 30, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({
        times,
        responses: result.requests.total,
        elapsedMs: lastResponseAt - startedAt,
        ok: result['2xx'],
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      lastResponseAt = performance.now();
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
}

/**
 * p50 and p99 of runs taken together, and req/s as every response over the time the runs took from their
 * starts to their last responses (autocannon's requests.average is the mean of its one-second samples,
 * and its duration ends on a whole second: a run bounded by `amount`, the writes, ends in a part-second
 * that either drags down).
 */
function summarise(runs) {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const elapsedMs = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
  const sum = (field) => runs.reduce((total, r) => total + r[field], 0);
  return {
    p50: times.length ? quantile(times, 0.5) : NaN,
    p99: times.length ? quantile(times, 0.99) : NaN,
    rps: elapsedMs > 0 ? (1000 * sum('responses')) / elapsedMs : 0,
    ok: sum('ok'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
  };
}

/** One autocannon run, summarised. */
export async function cannon(options) {
  return summarise([await run(options)]);
}

/** Asks an API's event-loop probe (bench/event-loop-probe.mjs) to reset its window, or for its figures. */
function askProbe(api, message) {
  return new Promise((resolve) => {
    api.once('message', resolve);
    api.send(message);
  });
}

/**
 * The autocannon target of a read: `url` is a string, or a function of the request's number for a path
 * that changes with each request (numbered on from one run to the next).
 */
function targetOf(url) {
  if (typeof url !== 'function') return { url };
  let n = 0;
  return {
    url: url(0),
    requests: [
      {
        setupRequest: (req) => {
          const next = new URL(url(++n));
          return { ...req, path: next.pathname + next.search };
        },
      },
    ],
  };
}

/**
 * Measures reads side by side: `reads` are { url, headers, api } (api: an API process started with the
 * event-loop probe, or null), typically one endpoint at each size and the reference it is compared with.
 * Each is warmed for a second; then `seconds` one-second rounds at 1 connection go through the reads in
 * turn, then as many at 32. A ratio between two of them (the growth, the ratio to the reference) thus
 * compares times taken seconds apart, not minutes: on this shared machine the same code's times drift by
 * a third within minutes, and a bench that measures each size in its own block puts that drift into
 * every ratio. Answers, per read, p50 and p99 over its 1-connection rounds, req/s over its 32-connection
 * rounds, and with a probe the longest the API's event loop was late (wall clock) and the most CPU its main
 * thread used without letting the loop turn (held; with the collections within it, and the most held
 * outside collections), during its 1-connection rounds.
 */
export async function measurePaired(reads, seconds) {
  const targets = reads.map((r) => ({ ...targetOf(r.url), headers: r.headers }));
  for (const target of targets) await run({ ...target, connections: 1, duration: 1 }); // plans, caches
  const latency = reads.map(() => []);
  const throughput = reads.map(() => []);
  const loops = reads.map(() => null);
  for (const r of reads) if (r.api) await askProbe(r.api, 'reset');
  for (let round = 0; round < seconds; round++) {
    for (const [i, target] of targets.entries()) latency[i].push(await run({ ...target, connections: 1, duration: 1 }));
  }
  for (const [i, r] of reads.entries()) if (r.api) loops[i] = await askProbe(r.api, 'read');
  for (let round = 0; round < seconds; round++) {
    for (const [i, target] of targets.entries()) {
      throughput[i].push(await run({ ...target, connections: 32, duration: 1 }));
    }
  }
  return reads.map((r, i) => {
    const slow = summarise(latency[i]);
    const fast = summarise(throughput[i]);
    if (slow.non2xx || fast.non2xx || slow.errors || fast.errors) {
      throw new Error(`${r.url}: ${JSON.stringify({ latency: slow, throughput: fast })}`);
    }
    return {
      p50: slow.p50,
      p99: slow.p99,
      rps: fast.rps,
      p50At32: fast.p50,
      ...(loops[i] && {
        eventLoopMaxMs: loops[i].maxMs,
        eventLoopP99Ms: loops[i].p99Ms,
        eventLoopHeldMs: loops[i].heldMs,
        eventLoopHeldGcMs: loops[i].heldGcMs,
        eventLoopHeldOutsideGcMs: loops[i].heldOutsideGcMs,
      }),
    };
  });
}
