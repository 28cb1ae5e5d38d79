import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from '@itb/contracts';
import { AppError } from '../../common/app-error.js';

/** zxcvbn's verdict on one password. */
interface Verdict {
  score: number;
  warning: string | null;
  suggestions: string[];
}

/**
 * zxcvbn with the common and English dictionaries and keyboard graphs (the web's meter uses the same),
 * in a worker thread: its dictionaries take about 25 MB of heap, which every garbage collection of the
 * API would otherwise walk, and building them (160 ms) and one check (12–45 ms) would hold the event
 * loop for every other request. The worker is started on the first check and ends after a minute
 * without one. Its code is CommonJS given as text, loading the packages by the paths resolved here, so
 * it runs the same from the build and from the TypeScript sources under test.
 */
const WORKER_SOURCE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const [{ ZxcvbnFactory }, common, en] = workerData.packages.map((path) => require(path));
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  parentPort.on('message', ({ id, password, words }) => {
    const { score, feedback } = zxcvbn.check(password, words);
    parentPort.postMessage({ id, score, warning: feedback.warning, suggestions: feedback.suggestions });
  });`;

const PACKAGES = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en'].map((name) =>
  createRequire(import.meta.url).resolve(name),
);
const IDLE_MS = 60_000;

type Waiting = Map<number, { resolve: (v: Verdict) => void; reject: (e: Error) => void }>;

class StrengthWorker {
  private current: { worker: Worker; waiting: Waiting } | null = null;
  private idle: NodeJS.Timeout | null = null;
  private nextId = 0;

  check(password: string, words: string[]): Promise<Verdict> {
    const { worker, waiting } = this.current ?? this.start();
    if (this.idle) clearTimeout(this.idle);
    const id = this.nextId++;
    return new Promise<Verdict>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, password, words });
    });
  }

  /** Ends the worker now (the application's shutdown); the next check starts another. */
  stop(): Promise<unknown> {
    const worker = this.current?.worker;
    this.current = null;
    if (this.idle) clearTimeout(this.idle);
    return worker ? worker.terminate() : Promise.resolve();
  }

  private start() {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { packages: PACKAGES } });
    const started = { worker, waiting: new Map() as Waiting };
    worker.unref();
    const stop = () => {
      if (this.current === started) this.current = null;
      void worker.terminate();
    };
    worker.on('message', ({ id, ...verdict }: Verdict & { id: number }) => {
      started.waiting.get(id)?.resolve(verdict);
      started.waiting.delete(id);
      if (started.waiting.size === 0 && this.current === started) this.idle = setTimeout(stop, IDLE_MS).unref();
    });
    const fail = (error: Error) => {
      if (this.current === started) this.current = null;
      for (const { reject } of started.waiting.values()) reject(error);
      started.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the password-strength worker stopped')));
    this.current = started;
    return started;
  }
}

const strength = new StrengthWorker();

/** Stops the worker thread of password checks, if one is running. */
export const stopPasswordChecks = (): Promise<unknown> => strength.stop();

/**
 * Refuses a password shorter than 12 characters or with a zxcvbn score under 3; the user's own email
 * and name count as known words. The 400 names the field and says why, in zxcvbn's words.
 */
export async function assertStrongPassword(password: string, userInputs: string[], field: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw AppError.validation(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  // Each input whole, squashed ("Nell Invited" → "nellinvited") and in parts, as guessable words.
  const words = userInputs
    .flatMap((input) => [input, input.replace(/[^\p{L}\p{N}]+/gu, ''), ...input.split(/[^\p{L}\p{N}]+/u)])
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 2);
  const result = await strength.check(password, words);
  if (result.score < PASSWORD_MIN_SCORE) {
    const why = [result.warning, ...result.suggestions].filter(Boolean).join(' ');
    throw AppError.validation(field, `is too easy to guess${why ? `: ${why}` : ''}`);
  }
}
