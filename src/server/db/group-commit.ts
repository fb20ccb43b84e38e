import { type Kysely, sql } from 'kysely';
import type { DB } from './tables.ts';

/** How long a batch keeps taking in new units before it commits, and how many it takes at most. */
const BATCH_WINDOW_MS = 8;
const BATCH_MAX_UNITS = 128;

interface Unit {
  fn: (db: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the embedded store. SQLite has one writer and, with synchronous=FULL, one fsync per
 * commit, which caps a busy server at one or two thousand commits a second whatever the work is. Here the
 * units of work that arrive while one runs join the same transaction, each inside its own savepoint (a
 * unit that fails is rolled back alone and its caller gets its error at once); the batch then commits with
 * one fsync, and only then does any unit's caller hear that it succeeded, so an acknowledged write is on
 * disk exactly as before. Units run one after another, never interleaved, so each sees the writes of the
 * units before it. (Syncing the WAL on the thread pool after a synchronous=NORMAL commit was tried: on a
 * quiet machine it cost more CPU per report than the fsync it took off the event loop.)
 */
export class GroupCommit {
  private readonly queue: Unit[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves once no batch is running, so the store can be closed without cutting one off. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) await this.db.connection().execute((conn) => this.batch(conn));
    } catch (err) {
      // The connection itself failed (closed under us): nobody still waiting can be served.
      for (const unit of this.queue.splice(0)) unit.reject(err);
    } finally {
      this.running = null;
    }
  }

  private async batch(conn: Kysely<DB>): Promise<void> {
    const done: { unit: Unit; value: unknown }[] = [];
    const started = performance.now();
    try {
      await sql`begin immediate`.execute(conn);
    } catch (err) {
      // The store is not writable (locked by another process past the busy timeout): the waiting units hear why.
      for (const unit of this.queue.splice(0, BATCH_MAX_UNITS)) unit.reject(err);
      return;
    }
    while (done.length < BATCH_MAX_UNITS && (done.length === 0 || performance.now() - started < BATCH_WINDOW_MS)) {
      // Units run on microtasks only (the SQLite driver answers synchronously), so requests already
      // waiting on the sockets get their turn once before the batch gives up on company and commits.
      if (!this.queue.length) await new Promise((resolve) => setImmediate(resolve));
      if (!this.queue.length) break;
      const unit = this.queue.shift()!;
      await sql`savepoint unit`.execute(conn);
      try {
        const value = await unit.fn(conn);
        await sql`release unit`.execute(conn);
        done.push({ unit, value });
      } catch (err) {
        unit.reject(err);
        if (!(await this.undo(conn))) {
          // SQLite ended the whole transaction (some errors do): nothing of this batch was kept.
          for (const d of done) d.unit.reject(err);
          return;
        }
      }
    }
    if (done.length === 0) {
      // Every unit was refused: nothing to keep, and a commit would still write the pages they touched.
      await sql`rollback`.execute(conn).catch(() => undefined);
      return;
    }
    try {
      await sql`commit`.execute(conn);
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      for (const { unit } of done) unit.reject(err);
      return;
    }
    for (const { unit, value } of done) unit.resolve(value);
  }

  /** Rolls back to the unit's savepoint; false when there is no transaction left to roll back into. */
  private async undo(conn: Kysely<DB>): Promise<boolean> {
    try {
      await sql`rollback to unit`.execute(conn);
      await sql`release unit`.execute(conn);
      return true;
    } catch {
      await sql`rollback`.execute(conn).catch(() => undefined);
      return false;
    }
  }
}
