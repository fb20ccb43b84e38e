import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  addHours,
  addWorkingDays,
  Calendar,
  type CalendarData,
  chinaCalendar,
  coverage,
  dayOfWeek,
  endOfLocalDay,
  extendByWorkingDays,
  isWorkingDay,
  loadCalendar,
  localDate,
  localDateTimeToInstant,
  nextWorkingDayStart,
  startOfLocalDay,
  workingDaysBetween,
} from './working-days.ts';

/** An instant given as Beijing wall-clock time, the way a case officer reads it. */
const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);
/** The instant a deadline on a local date falls at: 23:59:59.999 Beijing time. */
const endOfBeijingDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

// Transcribed from the notices themselves (国办发明电〔2024〕12号, 国办发明电〔2025〕7号) and, for 2027, from
// the projection's reasoning in holidays.json; the data file must agree with this independent copy.
const expected: Record<number, [name: string, from: string, to: string, days: number, workingDays: string[]][]> = {
  2025: [
    ['元旦', '2025-01-01', '2025-01-01', 1, []],
    ['春节', '2025-01-28', '2025-02-04', 8, ['2025-01-26', '2025-02-08']],
    ['清明节', '2025-04-04', '2025-04-06', 3, []],
    ['劳动节', '2025-05-01', '2025-05-05', 5, ['2025-04-27']],
    ['端午节', '2025-05-31', '2025-06-02', 3, []],
    ['国庆节、中秋节', '2025-10-01', '2025-10-08', 8, ['2025-09-28', '2025-10-11']],
  ],
  2026: [
    ['元旦', '2026-01-01', '2026-01-03', 3, ['2026-01-04']],
    ['春节', '2026-02-15', '2026-02-23', 9, ['2026-02-14', '2026-02-28']],
    ['清明节', '2026-04-04', '2026-04-06', 3, []],
    ['劳动节', '2026-05-01', '2026-05-05', 5, ['2026-05-09']],
    ['端午节', '2026-06-19', '2026-06-21', 3, []],
    ['中秋节', '2026-09-25', '2026-09-27', 3, []],
    ['国庆节', '2026-10-01', '2026-10-07', 7, ['2026-09-20', '2026-10-10']],
  ],
  2027: [
    ['元旦', '2027-01-01', '2027-01-03', 3, []],
    ['春节', '2027-02-05', '2027-02-13', 9, ['2027-01-31', '2027-02-14']],
    ['清明节', '2027-04-03', '2027-04-05', 3, []],
    ['劳动节', '2027-05-01', '2027-05-05', 5, ['2027-05-08']],
    ['端午节', '2027-06-09', '2027-06-09', 1, []],
    ['中秋节', '2027-09-15', '2027-09-15', 1, []],
    ['国庆节', '2027-10-01', '2027-10-07', 7, ['2027-09-26', '2027-10-09']],
  ],
};

test('every festival of 2025–2027 has the days off and swapped working days of its arrangement', () => {
  for (const [year, festivals] of Object.entries(expected)) {
    const actual = chinaCalendar.festivals(Number(year)).map((f) => [f.name, f.dates[0], f.dates.at(-1), f.dates.length, f.workingDays]);
    assert.deepEqual(actual, festivals, `year ${year}`);
  }
});

test('each year grants exactly the 13 statutory days of the 2024 放假办法, after swaps', () => {
  // Days off on Monday–Friday, less weekend days worked, is what the law grants (weekend holidays are made up).
  for (const year of [2025, 2026, 2027]) {
    const festivals = chinaCalendar.festivals(year);
    const weekdaysOff = festivals.flatMap((f) => f.dates).filter((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6).length;
    const weekendsWorked = festivals.flatMap((f) => f.workingDays).length;
    assert.equal(weekdaysOff - weekendsWorked, 13, `year ${year}`);
  }
});

test('the data is sane: holidays unique, no day both off and worked, every swapped working day a weekend', () => {
  const festivals = chinaCalendar.festivals();
  const holidays = festivals.flatMap((f) => f.dates);
  const worked = festivals.flatMap((f) => f.workingDays);
  assert.equal(new Set(holidays).size, holidays.length);
  assert.equal(new Set(worked).size, worked.length);
  assert.deepEqual(holidays.filter((d) => worked.includes(d)), []);
  for (const d of worked) assert.ok([0, 6].includes(dayOfWeek(d)), `${d} is a weekend day`);
  for (const d of holidays) assert.equal(isWorkingDay(d), false, d);
  for (const d of worked) assert.equal(isWorkingDay(d), true, d);
});

test('2027 is projected and 2025–2026 are published', () => {
  assert.deepEqual(coverage(), { name: '中国大陆 (国务院办公厅)', years: [2025, 2026, 2027], from: '2025-01-01', to: '2027-12-31', projectedYears: [2027] });
  for (const f of chinaCalendar.festivals()) assert.equal(f.projected, f.year === 2027, `${f.year} ${f.name}`);
  for (const f of chinaCalendar.festivals(2025)) assert.match(f.source ?? '', /国办发明电〔2024〕12号/);
  for (const f of chinaCalendar.festivals(2026)) assert.match(f.source ?? '', /国办发明电〔2025〕7号/);
  assert.equal(chinaCalendar.dayInfo('2027-02-08').projected, true);
  assert.equal(chinaCalendar.dayInfo('2026-02-16').projected, false);
});

test('a swapped working weekend (调休) is a working day; ordinary weekends and holidays are not', () => {
  assert.equal(isWorkingDay('2025-01-26'), true); // Sunday, worked for 春节
  assert.equal(isWorkingDay('2025-10-11'), true); // Saturday, worked for 国庆节、中秋节
  assert.equal(isWorkingDay('2025-01-25'), false); // an ordinary Saturday
  assert.equal(isWorkingDay('2025-10-08'), false); // a Wednesday within the 8-day break
  assert.equal(isWorkingDay('2025-03-05'), true); // an ordinary Wednesday
  assert.deepEqual(chinaCalendar.dayInfo('2025-01-26'), {
    date: '2025-01-26', dayOfWeek: 0, workingDay: true, kind: 'swapped_workday', festival: '春节', projected: false, covered: true,
  });
  assert.deepEqual(chinaCalendar.dayInfo('2025-06-02'), {
    date: '2025-06-02', dayOfWeek: 1, workingDay: false, kind: 'holiday', festival: '端午节', projected: false, covered: true,
  });
  assert.equal(chinaCalendar.dayInfo('2025-03-08').kind, 'weekend');
});

test('a case reported the day before the National Day break with 3 working days is due at the end of 2025-10-11', () => {
  // 1–8 October are off; 9 (Thu), 10 (Fri) and 11 (the swapped Saturday) are the three working days.
  assert.deepEqual(addWorkingDays(beijing('2025-09-30T10:00'), 3), endOfBeijingDay('2025-10-11'));
  assert.equal(addWorkingDays(beijing('2025-09-30T10:00'), 3).toISOString(), '2025-10-11T15:59:59.999Z');
  assert.deepEqual(addWorkingDays(beijing('2025-09-30T10:00'), 4), endOfBeijingDay('2025-10-13'));
});

test('a report on Friday evening with 1 working day is due at the end of Monday', () => {
  assert.deepEqual(addWorkingDays(beijing('2025-03-07T20:00'), 1), endOfBeijingDay('2025-03-10'));
  assert.deepEqual(addWorkingDays(beijing('2025-03-07T08:00'), 1), endOfBeijingDay('2025-03-10'));
  assert.deepEqual(addWorkingDays(beijing('2025-03-07T20:00'), 5), endOfBeijingDay('2025-03-14'));
});

test('a report on a holiday or a weekend counts from the next working day', () => {
  assert.deepEqual(addWorkingDays(beijing('2025-10-03T10:00'), 1), endOfBeijingDay('2025-10-09'));
  assert.deepEqual(addWorkingDays(beijing('2025-10-03T10:00'), 3), endOfBeijingDay('2025-10-11'));
  // Reported on 2026 春节 (初四): 24–27 February, then the swapped Saturday 28 February.
  assert.deepEqual(addWorkingDays(beijing('2026-02-20T09:00'), 5), endOfBeijingDay('2026-02-28'));
  // Reported on a swapped Saturday: that day is a working day but the report day never counts.
  assert.deepEqual(addWorkingDays(beijing('2025-10-11T09:00'), 1), endOfBeijingDay('2025-10-13'));
  // Reported on an ordinary Saturday before the swapped Sunday of 春节 2025.
  assert.deepEqual(addWorkingDays(beijing('2025-01-25T09:00'), 1), endOfBeijingDay('2025-01-26'));
  assert.deepEqual(addWorkingDays(beijing('2025-01-25T09:00'), 2), endOfBeijingDay('2025-01-27'));
});

test('local dates follow the deployment zone: 16:30 UTC is already the next day in Shanghai', () => {
  assert.equal(localDate(new Date('2025-03-05T16:30:00Z')), '2025-03-06');
  assert.equal(localDate(new Date('2025-03-05T15:59:59.999Z')), '2025-03-05');
  assert.equal(localDate(new Date('2025-03-05T16:30:00Z'), 'UTC'), '2025-03-05');
  // Thursday 00:30 in Shanghai: one working day runs to the end of Friday, not of Thursday.
  assert.deepEqual(addWorkingDays(new Date('2025-03-05T16:30:00Z'), 1), endOfBeijingDay('2025-03-07'));
  assert.deepEqual(addWorkingDays(new Date('2025-03-05T15:30:00Z'), 1), endOfBeijingDay('2025-03-06'));
  // Counted in UTC instead, the same instant is still Wednesday.
  assert.deepEqual(addWorkingDays(new Date('2025-03-05T16:30:00Z'), 1, 'UTC'), new Date('2025-03-06T23:59:59.999Z'));
  assert.deepEqual(startOfLocalDay('2025-03-06'), new Date('2025-03-05T16:00:00Z'));
  assert.deepEqual(endOfLocalDay('2025-03-06'), new Date('2025-03-06T15:59:59.999Z'));
  assert.deepEqual(localDateTimeToInstant('2025-03-06', '09:30'), new Date('2025-03-06T01:30:00Z'));
});

test('local time converts through Intl, so zones with daylight saving work too', () => {
  const ny = 'America/New_York';
  assert.deepEqual(localDateTimeToInstant('2025-07-01', '12:00', ny), new Date('2025-07-01T16:00:00Z'));
  assert.deepEqual(localDateTimeToInstant('2025-01-15', '12:00:30.250', ny), new Date('2025-01-15T17:00:30.250Z'));
  // 9 March 2025 has 23 hours in New York; its end is still 23:59:59.999 EDT.
  assert.deepEqual(startOfLocalDay('2025-03-09', ny), new Date('2025-03-09T05:00:00Z'));
  assert.deepEqual(endOfLocalDay('2025-03-09', ny), new Date('2025-03-10T03:59:59.999Z'));
  // 02:30 does not exist that night: pushed forward to 03:30 EDT. 01:30 on 2 November happens twice: the first wins.
  assert.deepEqual(localDateTimeToInstant('2025-03-09', '02:30', ny), new Date('2025-03-09T07:30:00Z'));
  assert.deepEqual(localDateTimeToInstant('2025-11-02', '01:30', ny), new Date('2025-11-02T05:30:00Z'));
  assert.equal(localDate(new Date('2025-11-02T05:30:00Z'), ny), '2025-11-02');
  assert.throws(() => localDate(new Date(), 'Mars/Olympus_Mons'), /Unknown time zone/);
  assert.throws(() => localDateTimeToInstant('2025-03-09', '24:00'), /Not a time of day/);
});

test('hour limits are clock hours and may be fractional; holidays do not stop them', () => {
  const from = beijing('2025-10-01T08:00');
  assert.deepEqual(addHours(from, 0.5), beijing('2025-10-01T08:30'));
  assert.deepEqual(addHours(from, 1.25), beijing('2025-10-01T09:15'));
  assert.deepEqual(addHours(from, 24), beijing('2025-10-02T08:00'));
  assert.deepEqual(addHours(from, 72), beijing('2025-10-04T08:00'));
  assert.throws(() => addHours(from, Number.NaN), /finite/);
  assert.throws(() => addHours(new Date('nonsense'), 1), /Invalid Date/);
});

test('an extension adds working days after the current deadline', () => {
  const deadline = addWorkingDays(beijing('2025-09-30T10:00'), 3); // end of Saturday 11 October (调休)
  assert.deepEqual(extendByWorkingDays(deadline, 2), endOfBeijingDay('2025-10-14'));
  // A deadline at the end of the last working day before 春节 2026 moves past the whole break.
  assert.deepEqual(extendByWorkingDays(endOfBeijingDay('2026-02-14'), 1), endOfBeijingDay('2026-02-24'));
});

test('working days between two instants count from the first date (exclusive) to the second (inclusive)', () => {
  assert.equal(workingDaysBetween(beijing('2025-09-30T10:00'), beijing('2025-10-11T18:00')), 3);
  assert.equal(workingDaysBetween(beijing('2025-03-07T20:00'), beijing('2025-03-10T09:00')), 1);
  assert.equal(workingDaysBetween(beijing('2025-03-07T08:00'), beijing('2025-03-07T20:00')), 0);
  assert.equal(workingDaysBetween(beijing('2025-10-11T18:00'), beijing('2025-09-30T10:00')), -3);
  assert.equal(workingDaysBetween(new Date('2025-03-05T15:30:00Z'), new Date('2025-03-05T16:30:00Z')), 1);
  assert.equal(chinaCalendar.countWorkingDays('2024-12-31', '2025-12-31'), 365 - 104 - 18 + 5); // 2025: 18 weekday holidays, 5 swaps
});

test('the fast count agrees with walking day by day, and undoes addWorkingDays, across and beyond the data', () => {
  const first = '2024-11-20';
  const walk = (after: string, through: string) => {
    let count = 0;
    for (let d = addDays(after, 1); d <= through; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };
  for (let i = 0; i < 1200; i += 7) {
    const after = addDays(first, i);
    for (const span of [0, 1, 3, 9, 30, 200]) {
      const through = addDays(after, span);
      assert.equal(chinaCalendar.countWorkingDays(after, through), walk(after, through), `${after} → ${through}`);
    }
  }
  for (let i = 0; i < 1200; i++) {
    const from = localDateTimeToInstant(addDays(first, i), '17:45');
    for (const n of [1, 2, 5, 12]) {
      const due = addWorkingDays(from, n);
      assert.equal(workingDaysBetween(from, due), n);
      assert.equal(isWorkingDay(localDate(due)), true);
      assert.equal(due.getTime() % 1000, 999);
    }
  }
});

test('the next working day starts at local midnight, skipping holidays and using swapped days', () => {
  assert.deepEqual(nextWorkingDayStart(beijing('2025-03-07T20:00')), beijing('2025-03-10T00:00'));
  assert.deepEqual(nextWorkingDayStart(beijing('2025-01-24T20:00')), beijing('2025-01-26T00:00'));
  assert.deepEqual(nextWorkingDayStart(beijing('2025-09-30T23:59')), beijing('2025-10-09T00:00'));
});

test('outside the data every Monday–Friday works, and coverage says so', () => {
  assert.equal(isWorkingDay('2024-10-01'), true); // a real holiday, but 2024 is not in the data
  assert.equal(isWorkingDay('2028-01-01'), false); // a Saturday
  assert.equal(chinaCalendar.dayInfo('2028-01-03').covered, false);
  assert.equal(chinaCalendar.covers('2026-07-01'), true);
  assert.equal(chinaCalendar.covers('2024-12-31'), false);
  assert.deepEqual(addWorkingDays(beijing('2024-09-30T10:00'), 1), endOfBeijingDay('2024-10-01'));
});

test('bad input is refused with a clear message', () => {
  assert.throws(() => isWorkingDay('2025-02-30'), /YYYY-MM-DD/);
  assert.throws(() => isWorkingDay('2025-2-3'), /YYYY-MM-DD/);
  assert.throws(() => addWorkingDays(new Date(), 0), /at least 1/);
  assert.throws(() => addWorkingDays(new Date(), 1.5), /whole number/);
  assert.throws(() => addWorkingDays(new Date(Number.NaN), 1), /Invalid Date/);
});

const regional: CalendarData = {
  name: '西藏自治区',
  years: [
    {
      year: 2026,
      source: 'example: the national arrangement plus a regional holiday',
      festivals: [
        { name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7, workingDays: ['2026-09-20', '2026-10-10'] },
        { name: '藏历新年', from: '2026-02-18', to: '2026-02-20', days: 3 },
      ],
    },
  ],
};

test('a deployment can supply its own calendar, as data or as JSON text, and its own time zone', () => {
  const calendar = loadCalendar(JSON.stringify(regional));
  assert.equal(calendar.isWorkingDay('2026-02-19'), false);
  assert.equal(calendar.dayInfo('2026-02-19').festival, '藏历新年');
  assert.equal(calendar.isWorkingDay('2026-02-16'), true); // this calendar knows nothing of 春节
  assert.deepEqual(calendar.coverage(), { name: '西藏自治区', years: [2026], from: '2026-01-01', to: '2026-12-31', projectedYears: [] });
  const london = new Calendar(regional, { timeZone: 'Europe/London' });
  assert.equal(london.timeZone, 'Europe/London');
  // 23:30 UTC on a Friday is still Friday in London (winter): due at the end of Monday, London time.
  assert.deepEqual(london.addWorkingDays(new Date('2026-01-09T23:30:00Z'), 1), new Date('2026-01-12T23:59:59.999Z'));
  const empty = loadCalendar({ years: [] });
  assert.deepEqual(empty.coverage(), { years: [], from: null, to: null, projectedYears: [] });
  assert.equal(empty.isWorkingDay('2025-10-01'), true);
});

test('a calendar file with a mistake fails loudly, naming the place', () => {
  const withFestival = (festival: Record<string, unknown>) => ({ years: [{ year: 2026, festivals: [festival] }] });
  const cases: [unknown, RegExp][] = [
    ['{"years": [', /not valid JSON/],
    [{ years: [{ year: 2026, festivals: [] }, { year: 2026, festivals: [] }] }, /2026: the year is listed twice/],
    [withFestival({ name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7, workdays: ['2026-10-10'] }), /expected shape/],
    [withFestival({ name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 8 }), /is 7 days, but "days" says 8/],
    [withFestival({ name: '国庆节', from: '2026-10-07', to: '2026-10-01', days: 7 }), /is before "from"/],
    [withFestival({ name: '国庆节', from: '2026-02-29', to: '2026-03-01', days: 2 }), /not a real date/],
    [withFestival({ name: '国庆节', from: '2062-10-01', to: '2062-10-07', days: 7 }), /too far from 2026/],
    [withFestival({ name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7, workingDays: ['2026-10-09'] }), /not a Saturday or Sunday/],
    [withFestival({ name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7, workingDays: ['2026-10-03'] }), /already a holiday of 2026 国庆节/],
    [
      { years: [{ year: 2026, festivals: [{ name: '中秋节', from: '2026-09-25', to: '2026-09-27', days: 3 }, { name: '国庆节', from: '2026-09-27', to: '2026-10-03', days: 7 }] }] },
      /2026 国庆节: 2026-09-27 is already a holiday of 2026 中秋节/,
    ],
  ];
  for (const [input, message] of cases) assert.throws(() => loadCalendar(input), message, JSON.stringify(input));
  assert.throws(() => loadCalendar({ years: [] }, { timeZone: 'Asia/Beijing' }), /Unknown time zone "Asia\/Beijing"/);
});
