import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startDemoApp, type DemoApp } from '../../support/demo-app.ts';
import { launchBrowser } from './browser.ts';

/** The demo app listening on a free local port, and Debian's Chromium to drive it. */
export interface ServedDemo {
  t: DemoApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveDemo(opts: { orders?: boolean } = {}): Promise<ServedDemo> {
  const t = await startDemoApp(opts);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    t,
    base,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
