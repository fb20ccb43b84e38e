import { loadDemo } from '../../src/server/demo/demo.load.ts';
import { loadOrdersDemo } from '../../src/server/demo/demo.orders.ts';
import { setClock } from '../../src/server/platform/clock.ts';
import { startTestApp, type TestApp } from './app.ts';

/** A point in 冲赛康社区 第三网格 (CSK-03) and one in 第一网格 (CSK-01), from the demo. */
export const IN_CSK_03 = { lng: 91.1335, lat: 29.6565 };

export const DEMO_PASSWORD = 'lianxin2026';

export interface DemoApp extends TestApp {
  as: Record<'admin' | 'street' | 'community' | 'gridleader' | 'gridworker' | 'police' | 'resident', Record<string, string>>;
}

/**
 * A real app on a fresh store holding the demo community, with a bearer header for each demo account. With
 * `orders`, also the demo's service orders (which the counts of the case-history tests leave out).
 */
export async function startDemoApp(opts: { orders?: boolean } = {}): Promise<DemoApp> {
  const t = await startTestApp();
  await loadDemo(t.ctx.database);
  await t.ctx.geo.reload(t.db);
  // Service orders go through the case engine, which needs the grid index the app has just built.
  if (opts.orders) await loadOrdersDemo(t.ctx);
  const names = ['admin', 'street', 'community', 'gridleader', 'gridworker', 'police', 'resident'] as const;
  const as = {} as DemoApp['as'];
  for (const n of names) as[n] = await t.login(n, DEMO_PASSWORD);
  return { ...t, as };
}

/** Freezes the clock at a local Shanghai time for the duration of a test body (restored after). */
export async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  const fixed = new Date(iso);
  setClock(() => fixed);
  try {
    return await fn();
  } finally {
    setClock();
  }
}
