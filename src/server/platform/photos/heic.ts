/**
 * HEVC-coded HEIF (the iPhone's .heic) decoded to RGBA. sharp's prebuilt libvips reads the HEIF
 * container and AV1 (AVIF) but ships no HEVC decoder (patents), so the pixels come from libheif compiled
 * to WebAssembly, in one worker thread that is started on first use and stopped when idle so its
 * wasm memory (hundreds of MB after a large photo) goes back to the system.
 */
import { Worker } from 'node:worker_threads';

export interface RgbaImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Why the worker refused or failed: the caller turns this into a PhotoRefused reason. */
export class HeicDecodeFailed extends Error {
  readonly reason: 'TOO_MANY_PIXELS' | 'CORRUPT';

  constructor(reason: 'TOO_MANY_PIXELS' | 'CORRUPT', message: string) {
    super(message);
    this.reason = reason;
  }
}

type WorkerReply =
  | { ok: true; width: number; height: number; data: ArrayBuffer }
  | { ok: false; reason: 'TOO_MANY_PIXELS' | 'CORRUPT'; message: string };

const WORKER_URL = new URL('./heic-worker.mjs', import.meta.url);
const IDLE_MS = 15_000;
// A hostile file must not hold the decoder forever; a real 48-megapixel HEIC decodes in a few seconds.
const TIMEOUT_MS = 30_000;

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
// One decode at a time: the worker is single-threaded anyway, and queuing keeps peak memory to one photo.
let queue: Promise<unknown> = Promise.resolve();

/** Decodes the primary image of an HEVC HEIF file; refuses more than `maxPixels` before decoding. */
export function decodeHeic(bytes: Buffer, maxPixels: number): Promise<RgbaImage> {
  const run = queue.then(() => decodeInWorker(bytes, maxPixels));
  queue = run.catch(() => undefined);
  return run;
}

function decodeInWorker(bytes: Buffer, maxPixels: number): Promise<RgbaImage> {
  if (idleTimer) clearTimeout(idleTimer);
  const current = worker ?? startWorker();
  // A private copy, transferred rather than cloned: the caller's Buffer may be a slice of a pool.
  const copy = new Uint8Array(bytes);
  return new Promise<RgbaImage>((resolve, reject) => {
    const timer = setTimeout(() => fail(new HeicDecodeFailed('CORRUPT', 'HEIC decoding timed out')), TIMEOUT_MS);
    const onMessage = (reply: WorkerReply) => {
      settle();
      if (reply.ok) resolve({ data: Buffer.from(reply.data), width: reply.width, height: reply.height });
      else reject(new HeicDecodeFailed(reply.reason, reply.message));
      scheduleIdleStop();
    };
    const onError = (error: Error) => fail(new HeicDecodeFailed('CORRUPT', `HEIC decoder crashed: ${error.message}`));
    const onExit = (code: number) => fail(new HeicDecodeFailed('CORRUPT', `HEIC decoder exited with code ${code}`));
    function settle() {
      clearTimeout(timer);
      current.off('message', onMessage).off('error', onError).off('exit', onExit);
    }
    function fail(error: HeicDecodeFailed) {
      settle();
      // A crashed or stuck worker is not reused: the next photo gets a fresh one.
      if (worker === current) worker = null;
      void current.terminate();
      reject(error);
    }
    current.on('message', onMessage).on('error', onError).on('exit', onExit);
    current.postMessage({ bytes: copy, maxPixels }, [copy.buffer]);
  });
}

function startWorker(): Worker {
  // stdout captured and dropped: libheif-js prints its parse failures with console.log.
  const started = new Worker(WORKER_URL, { stdout: true, stderr: true });
  started.stdout.resume();
  started.stderr.resume();
  // An idle decoder must never keep the process (or a test run) alive.
  started.unref();
  started.once('exit', () => {
    if (worker === started) worker = null;
  });
  worker = started;
  return started;
}

function scheduleIdleStop(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(stopHeicDecoder, IDLE_MS);
  idleTimer.unref();
}

/** Stops the decoder worker now (graceful shutdown, tests); the next HEIC starts a new one. */
export async function stopHeicDecoder(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
