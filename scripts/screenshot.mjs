#!/usr/bin/env node
// A developer's look at a page: node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [USERNAME]
// Signs in as USERNAME (demo password) first when given; prints console errors it saw.
import { chromium } from 'playwright-core';

const [url, out, size = '390x844', username] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [USERNAME]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 800, hasTouch: width < 800, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', String(e)));
if (username) {
  const res = await context.request.post(new URL('/api/v1/auth/login', url).href, { data: { username, password: process.env.DEMO_PASSWORD ?? 'lianxin2026' } });
  if (!res.ok()) console.log('sign-in failed:', res.status(), await res.text());
}
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(process.env.WAIT_MS ?? 800));
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log('saved', out, 'sideways scroll:', await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1));
await browser.close();
