import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { chinaCalendar } from '../../platform/calendar/working-days.ts';
import { freshStore } from '../../../../test/support/store.ts';
import { deadlinesFor } from './deadlines.ts';
import { category } from './taxonomy.ts';

test('deadlines: working days over a swapped weekend, hours when urgent', () => {
  // 2025-09-30 10:00 in Shanghai; 0501 路灯损坏 has 5 working days: Oct 1-8 are off, Sat Oct 11 works.
  const at = new Date('2025-09-30T02:00:00Z');
  const normal = deadlinesFor(chinaCalendar, category('0501'), 'normal', at);
  assert.equal(normal.respondBy, '2025-10-01T02:00:00.000Z');
  assert.equal(normal.resolveBy, '2025-10-14T15:59:59.999Z', 'Oct 9, 10, 11 (the swapped Saturday), 13 and 14: the end of the 5th working day');
  const urgent = deadlinesFor(chinaCalendar, category('0501'), 'urgent', at);
  assert.equal(urgent.resolveBy, '2025-10-01T02:00:00.000Z', 'urgent: the category\'s hours (24 when it has none)');
});

test('a deployment\'s own calendar file decides the working days', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-cal-'));
  const file = join(dir, 'calendar.json');
  // A village that rests the whole first week of November 2026 (Mon 2 – Sun 8).
  writeFileSync(file, JSON.stringify({ name: 'test', years: [{ year: 2026, source: 'test', festivals: [{ name: '休假', from: '2026-11-02', to: '2026-11-08', days: 7, workingDays: [] }] }] }));
  const store = await freshStore();
  const { app, ctx } = await buildApp(store.database, loadConfig({ databaseUrl: store.url, logLevel: 'silent', calendarFile: file }, {}));
  try {
    assert.equal(ctx.calendar.isWorkingDay('2026-11-03'), false);
    const d = deadlinesFor(ctx.calendar, category('0101'), 'normal', new Date('2026-10-30T02:00:00Z'));
    assert.equal(d.resolveBy, '2026-11-09T15:59:59.999Z', '1 working day after Friday Oct 30 is Monday Nov 9 here');
  } finally {
    await app.close();
    await store.drop();
  }
});
