/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where tests leave their screenshots (looked at by people, kept out of git). */
export const SHOTS_DIR = join(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');

export const PHONE = { width: 390, height: 844 } as const;
export const DESK = { width: 1440, height: 900 } as const;
export const SCREEN = { width: 1920, height: 1080 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // A closed network: without these Chromium keeps trying Google's services and logs refusals.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far (a test asserts it stays empty). */
  errors: string[];
}

/** A new browser context at a viewport, recording every console error and page error. */
export async function openPage(browser: Browser, baseURL: string, viewport: { width: number; height: number }, opts: { isMobile?: boolean; locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport, deviceScaleFactor: 1, isMobile: opts.isMobile ?? viewport.width < 800, hasTouch: viewport.width < 800, locale: opts.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Whether the page scrolls sideways (a phone page must not). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * Waits until no CSS animation or transition is running, so a screenshot shows the page, not a fade. Endless
 * animations (a live badge's pulse, a spinner that stays) never finish and are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
}
