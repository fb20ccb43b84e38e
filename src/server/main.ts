import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoHistory } from './demo/demo.history.ts';
import { loadOrdersDemo } from './demo/demo.orders.ts';
import { loadDemo } from './demo/demo.load.ts';
import { loadWishesDemo } from './demo/demo.wishes.ts';
import { startScheduler } from './modules/cases/scheduler.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Load the demo community when the store holds no community yet. */
  demo?: boolean;
  /** With `demo`: also give a freshly loaded demo two months of case history (default true). */
  history?: boolean;
}

/** Starts the process: settings, store and migrations, optional demo, app, listen, graceful shutdown. */
export async function startServer(opts: ServeOptions = {}): Promise<void> {
  const config = loadConfig({ ...(opts.port === undefined ? {} : { port: opts.port }), ...(opts.host ? { host: opts.host } : {}) });
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  let demoLoaded = false;
  if (opts.demo) {
    demoLoaded = (await loadDemo(database)).loaded;
    if (demoLoaded) console.log('Demo community loaded (see README for the demo accounts).');
  }
  const { app, ctx } = await buildApp(database, config);
  // Only with the demo just loaded: a restart never adds a second history. Runs before the scheduler and
  // any request, since it moves the clock.
  if (demoLoaded && opts.history !== false) {
    try {
      const history = await loadDemoHistory(ctx);
      if (history.loaded) console.log(`Demo case history loaded: ${history.cases} cases since ${history.from!.slice(0, 10)} (${(history.ms / 1000).toFixed(1)} s).`);
      // Micro-wishes (M6): 慈松塘's needs list and service list, after the history (they are cases too).
      const wishes = await loadWishesDemo(ctx);
      if (wishes.loaded) console.log(`Demo micro-wishes loaded: ${wishes.wishes} wishes, ${wishes.offers} offers.`);
      // Service orders (issue 6), after the history so the weeks of cases before them come first in the numbering.
      await loadOrdersDemo(ctx);
    } catch (err) {
      // The demo itself is in place; a broken history should not keep it from being served.
      console.error('Demo case history failed:', err);
    }
  }
  // Train the classifier (with any staff corrections) now, so the first report does not wait for it.
  await ctx.classifier.refresh(database.db);
  const stopScheduler = startScheduler(ctx);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Lianxin is serving http://${shown}:${config.port} (store: ${database.store}; API docs at /api/docs)`);
}
