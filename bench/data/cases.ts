/**
 * Case histories for the benchmark's stores, written as the case engine leaves them, without going through
 * it (millions of cases through the real services would take hours). Each case is reported at a point of a
 * (busy-weighted) grid over the last CASE_DAYS days, then lived through step by step as the services and
 * the deadline scheduler would move it — accept, escalate, extend, suspend, resolve, verify, follow up,
 * rework; merged into an open duplicate nearby, returned and rejected — until its course ends or the clock
 * reaches now. Every step goes through the engine's own rules: `contributionsOf` for the figures,
 * `deadlinesFor` and the working-day calendar for time limits, `indexTokens` for search, `textSimilarity`
 * for duplicates, the shipped classifier for categories, and the lifecycle's `allows` for every action.
 *
 * What comes out per case: the case row, its timeline (case_events, one per version), its reporter(s),
 * follow-ups and extension requests; and for the store: the roll-ups (case_rollups, every counter of every
 * ancestor node per day, zero counters included where a counter went up and down again, as the engine's
 * upserts leave them) and the case numbers of each year. Not written: notifications, webhook deliveries
 * and classifier corrections (see the README).
 */
import type { CaseEventsTable, CaseReportersTable, CasesTable, ExtensionRequestsTable, FollowUpsTable } from '../../src/server/db/tables.ts';
import { loadConfig } from '../../src/server/config.ts';
import { words } from '../../src/server/demo/demo.history.words.ts';
import { personName } from '../../src/server/demo/demo.people.ts';
import { randomStream } from '../../src/server/demo/demo.random.ts';
import { COHORT_COUNTERS, type Contributions, FOLLOW_UP_COUNTERS, contributionsOf, followUpContributions } from '../../src/server/modules/cases/figures.ts';
import { deadlinesFor, defaultGrade, extendDeadline, reportingDay } from '../../src/server/modules/cases/deadlines.ts';
import { CHANNELS as ALL_CHANNELS, PROACTIVE_CHANNELS, type Channel } from '../../src/server/modules/cases/kinds.ts';
import { type CaseAction, allows, isOpen } from '../../src/server/modules/cases/lifecycle.ts';
import { indexTokens, textSimilarity } from '../../src/server/modules/cases/search.ts';
import { CATEGORIES, category as findCategory } from '../../src/server/modules/cases/taxonomy.ts';
import { type Calendar, addDays, chinaCalendar, localDate, localDateTimeToInstant } from '../../src/server/platform/calendar/working-days.ts';
import { metresBetween } from '../../src/server/platform/geo/distance.ts';
import { hashSecret } from '../../src/server/platform/secrets.ts';
import { defaultClassifier } from '../../src/server/platform/text/classifier.ts';
import { type BenchGrid, type BenchNode, type BenchPerson, type Geography, gridWeights, pointInGrid } from './geography.ts';
import { randomFor, uuidV7At, weightedPicker } from './random.ts';
import { type ReportText, reportLike, reportTexts } from './texts.ts';

/** Cases are spread over this many days ending now. */
export const CASE_DAYS = 3 * 365;

type CaseRow = CasesTable;
/** A roll-up row: its key and the counters it carries (the others default to 0). */
type CaseRollupsRow = { node_id: string; day: string; kind: string; category: string; channel: string } & Partial<Record<string, number | string>>;

/** Rows of finished cases (and roll-ups of finished days), in an order that satisfies every foreign key. */
export interface CaseBatch {
  cases: CaseRow[];
  case_events: CaseEventsTable[];
  case_reporters: CaseReportersTable[];
  follow_ups: FollowUpsTable[];
  extension_requests: ExtensionRequestsTable[];
  case_rollups: CaseRollupsRow[];
}

export interface CaseHistoryResult {
  cases: number;
  events: number;
  stats: number;
  caseNumbers: { year: number; last: number }[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// The deployment's zone (Asia/Shanghai) has had no daylight saving since 1991: local time is UTC+8.
const LOCAL_OFFSET = 8 * HOUR;
// The server's defaults (config.ts), which the engine applies: thresholds, radii, grace periods.
const CONFIG = loadConfig({}, {});
// Private matters stay off the public board by default (intake.service.ts): disputes, social security, public security.
const PRIVATE_MAJORS = new Set(['08', '09', '10']);
// Reports per local hour of the day (as the demo's history): few at night, most in the morning and early evening.
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 6, 8, 9, 9, 7, 6, 7, 8, 8, 8, 7, 7, 6, 5, 3, 2];
const CHANNELS: [Channel, number][] = [['app', 36], ['patrol', 22], ['visit', 10], ['hotline', 17], ['proxy', 15]];
const CHECKLISTS: Record<string, string> = { '06': 'fire', '03': 'production', '10': 'public_order', '01': 'other', '04': 'other', '05': 'other', '02': 'other' };
const TOKEN_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '151', '153', '158', '173', '177', '180', '187', '189', '198', '199'];

/** The local date in the deployment's zone, by its fixed offset (what `localDate` gives, without Intl). */
const localDay = (ms: number) => new Date(ms + LOCAL_OFFSET).toISOString().slice(0, 10);
for (const probe of [Date.UTC(2024, 0, 1, 15, 59, 59), Date.UTC(2024, 0, 1, 16, 0, 0)]) {
  if (localDay(probe) !== reportingDay(chinaCalendar, new Date(probe))) throw new Error(`the bench assumes the zone ${chinaCalendar.timeZone} is UTC+8`);
}

/**
 * The deployment's calendar with its working-day arithmetic remembered per local date: a working-day limit
 * ends at the end of the Nth working day after the report's local date, whatever the hour, so every report
 * of a day shares one answer (computed by the calendar itself on first use).
 */
const calendar: Calendar = Object.create(chinaCalendar, {
  addWorkingDays: {
    value: (() => {
      const memo = new Map<string, Date>();
      return (from: Date, days: number) => {
        const key = `${localDay(from.getTime())}|${days}`;
        let d = memo.get(key);
        if (!d) memo.set(key, (d = chinaCalendar.addWorkingDays(from, days)));
        return new Date(d.getTime());
      };
    })(),
  },
});

/** Who takes a step: an account (with its display name and staff id) or an anonymous reporter. */
interface Acting {
  accountId: string | null;
  label: string;
  staffId: string | null;
}
const ANONYMOUS: Acting = { accountId: null, label: '匿名居民', staffId: null };

type Course = 'normal' | 'slow' | 'escalate' | 'extend' | 'suspend' | 'return_reject' | 'return_redispatch' | 'fixed_on_site';

/** One case as it is being lived through. */
interface Sim {
  row: CaseRow;
  grid: BenchGrid;
  events: CaseEventsTable[];
  reporters: CaseReportersTable[];
  followUps: FollowUpsTable[];
  extensions: ExtensionRequestsTable[];
  contributions: Contributions;
  /** category × metric (packed) of every cohort counter the case ever added to (zero rows stay behind). */
  touched: Set<number>;
  lastAt: number;
  reportedMs: number;
  /** When it first left the open family (resolved, closed, merged, rejected), for duplicate checks. */
  closedMs: number;
  /** When it was merged or rejected, for the repeat check. */
  goneMs: number;
  /** When staff changed its category (the duplicate check compares the category of that moment). */
  recategorisedMs: number;
  firstCategory: string | null;
  /** What was reported and where in the grid (u, v), for a neighbour reporting the same thing. */
  text: ReportText;
  u: number;
  v: number;
}

interface Detail {
  reason?: string | null;
  data?: Record<string, unknown> | null;
  fromHandler?: string | null;
  toHandler?: string | null;
  publicNote?: boolean;
}

// Roll-up keys as numbers (node, metric, kind, category, channel packed), so millions of counters are summed
// in maps of numbers rather than of long strings.
const METRICS: string[] = [...COHORT_COUNTERS, ...FOLLOW_UP_COUNTERS];
const ZERO_COUNTERS = Object.fromEntries(METRICS.map((m) => [m, 0]));
const METRIC_INDEX = new Map(METRICS.map((m, i) => [m, i]));
const KINDS = ['demand', 'patrol_report'];
const CATEGORY_CODES = ['', ...CATEGORIES.map((c) => c.code)];
const CATEGORY_INDEX = new Map(CATEGORY_CODES.map((c, i) => [c, i]));
const CHANNEL_INDEX = new Map<string, number>(ALL_CHANNELS.map((c, i) => [c, i]));
const [NM, NK, NC, NCH] = [METRICS.length, KINDS.length, CATEGORY_CODES.length, ALL_CHANNELS.length];
/** A case's dimensions without node and metric (kind, category, channel), packed. */
const dimsOf = (c: CaseRow) => (KINDS.indexOf(c.kind) * NC + CATEGORY_INDEX.get(c.category ?? '')!) * NCH + CHANNEL_INDEX.get(c.channel)!;
const withCategory = (dims: number, category: number) => dims - (Math.floor(dims / NCH) % NC) * NCH + category * NCH;
const statKey = (node: number, metric: number, dims: number) => (node * NM + metric) * NK * NC * NCH + dims;

const acting = (p: BenchPerson): Acting => ({ accountId: p.accountId, label: p.name, staffId: p.staffId });
const iso = (ms: number) => new Date(ms).toISOString();
const handlerLabel = (c: CaseRow) => c.handler_staff_id ?? c.handler_node_id;
const inHand = (c: CaseRow) => c.state === 'dispatched' || c.state === 'in_progress';

/** Local days counted back from today: how many cases each gets (working days busier, more lately), summing to `total`. */
function casesPerDay(total: number, today: string, end: number): { day: string; count: number }[] {
  const days = Array.from({ length: CASE_DAYS }, (_, i) => addDays(today, i - CASE_DAYS + 1));
  const weights = days.map((day, i) => {
    const trend = 0.7 + (0.6 * i) / CASE_DAYS;
    const kind = chinaCalendar.isWorkingDay(day) ? 1 : 0.7;
    // Today only up to now.
    const share = i === CASE_DAYS - 1 ? Math.max(0.01, (end - localDateTimeToInstant(day, '00:00').getTime()) / DAY) : 1;
    return trend * kind * share;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]![1]]!++;
  return days.map((day, i) => ({ day, count: counts[i]! }));
}

/**
 * Generates `total` cases over the CASE_DAYS days before `end` in the city `geo`, handing finished rows to
 * `write` day by day (cases once no later case can still touch them, roll-ups once their day is complete).
 */
export async function generateCases(geo: Geography, total: number, end: number, write: (batch: CaseBatch) => Promise<void>, log?: (line: string) => void): Promise<CaseHistoryResult> {
  const history = new CaseHistory(geo, total, end);
  const today = localDate(new Date(end));
  const plan = casesPerDay(total, today, end);
  const counts: CaseHistoryResult = { cases: 0, events: 0, stats: 0, caseNumbers: [] };
  let lastLog = Date.now();
  for (let d = 0; d < plan.length; d++) {
    const { day, count } = plan[d]!;
    history.day(day, count);
    const batch = history.flush(day, d === plan.length - 1);
    counts.cases += batch.cases.length;
    counts.events += batch.case_events.length;
    counts.stats += batch.case_rollups.length;
    await write(batch);
    if (log && Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`    … ${day}: ${counts.cases.toLocaleString('en')} cases, ${counts.stats.toLocaleString('en')} roll-up rows written`);
    }
  }
  counts.caseNumbers = [...history.numbers].map(([year, last]) => ({ year, last }));
  return counts;
}

/** The generator's state: streams, the cast, recent cases for duplicate and repeat checks, and the rows not yet written. */
class CaseHistory {
  private readonly rand: () => number;
  private readonly r = randomStream('bench-cases-words');
  private readonly texts: () => ReportText;
  private readonly pickGrid: (u: number) => number;
  private readonly pickChannel: (u: number) => number;
  private readonly pickHour: (u: number) => number;
  private readonly classifier = defaultClassifier();
  private readonly classified = new Map<string, { category: string; confidence: number }>();
  private readonly staffById = new Map<string, Acting>();
  private readonly nodes = new Map<string, BenchNode>();
  /** Recent cases per grid (duplicate candidates), kept for the duplicate window. */
  private readonly recentByGrid = new Map<number, Sim[]>();
  /** Recent cases per reporting account (repeat demands), kept for 30 days. */
  private readonly recentByAccount = new Map<string, Sim[]>();
  private pending: Sim[] = [];
  private readonly cohort = new Map<number, number>();
  private readonly followUpStats = new Map<string, Map<number, number>>();
  private readonly nodeIds: string[];
  private readonly nodeIndex = new Map<string, number>();
  private readonly pathNodes = new Map<string, number[]>();
  readonly numbers = new Map<number, number>();

  constructor(
    private readonly geo: Geography,
    total: number,
    private readonly end: number,
  ) {
    this.rand = randomFor(`bench-cases-${total}`);
    this.texts = reportTexts(randomFor(`bench-case-texts-${total}`));
    this.pickGrid = weightedPicker(gridWeights(geo));
    this.pickChannel = weightedPicker(CHANNELS.map(([, w]) => w));
    this.pickHour = weightedPicker(HOUR_WEIGHTS);
    for (const n of geo.nodes) this.nodes.set(n.id, n);
    this.nodeIds = geo.nodes.map((n) => n.id);
    this.nodeIds.forEach((id, i) => this.nodeIndex.set(id, i));
    const people = [geo.admin, ...geo.streetAdmin.values(), ...geo.communityWorker.values(), ...geo.grids.map((g) => g.worker)];
    for (const p of people) if (p.staffId) this.staffById.set(p.staffId, acting(p));
  }

  private chance(p: number): boolean {
    return this.rand() < p;
  }

  private newId(ms: number): string {
    return uuidV7At(ms, this.rand);
  }

  /** All reports of one local day, in time order, each lived through to its end or to now. */
  day(day: string, count: number): void {
    const midnight = localDateTimeToInstant(day, '00:00').getTime();
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      let at = midnight + this.pickHour(this.rand()) * HOUR + Math.floor(this.rand() * HOUR);
      if (at >= this.end) at = midnight + Math.floor(this.rand() * Math.max(1, this.end - midnight));
      times.push(at);
    }
    times.sort((a, b) => a - b);
    for (const at of times) this.report(at);
  }

  /** The rows that are final after `day`: cases more than ten days old (merges reach back at most seven), and the roll-ups. */
  flush(day: string, last: boolean): CaseBatch {
    const cutoff = last ? Infinity : localDateTimeToInstant(addDays(day, -10), '00:00').getTime();
    const batch: CaseBatch = { cases: [], case_events: [], case_reporters: [], follow_ups: [], extension_requests: [], case_rollups: [] };
    let keep = 0;
    while (keep < this.pending.length && this.pending[keep]!.reportedMs < cutoff) keep++;
    for (const sim of this.pending.slice(0, keep)) {
      batch.cases.push(sim.row);
      batch.case_events.push(...sim.events);
      batch.case_reporters.push(...sim.reporters);
      batch.follow_ups.push(...sim.followUps);
      batch.extension_requests.push(...sim.extensions);
    }
    this.pending = this.pending.slice(keep);
    // Counters are kept one per packed key (node, metric, dimensions); the store keeps one row per node, day and
    // dimensions with a column per counter, so the counters of each row (cohort and follow-up alike) are
    // gathered first.
    const DIMS = NCH * NC * NK;
    const rows = new Map<string, CaseRollupsRow>();
    const gather = (stats: Map<number, number>, d: string) => {
      for (const [key, value] of stats) {
        const dims = key % DIMS;
        const metric = Math.floor(key / DIMS) % NM;
        const node = Math.floor(key / (DIMS * NM));
        const rowKey = `${d}|${node * DIMS + dims}`;
        let row = rows.get(rowKey);
        if (!row) {
          row = { node_id: this.nodeIds[node]!, day: d, kind: KINDS[Math.floor(dims / (NCH * NC)) % NK]!, category: CATEGORY_CODES[Math.floor(dims / NCH) % NC]!, channel: ALL_CHANNELS[dims % NCH]!, ...ZERO_COUNTERS };
          rows.set(rowKey, row);
        }
        row[METRICS[metric]!] = Math.round(value * 100) / 100;
      }
    };
    gather(this.cohort, day);
    this.cohort.clear();
    for (const [d, stats] of this.followUpStats) {
      if (!last && d > day) continue;
      gather(stats, d);
      this.followUpStats.delete(d);
    }
    batch.case_rollups.push(...rows.values());
    return batch;
  }

  // ——— intake ———

  /** 上报: one report, placed, classified, checked for duplicates and repeats, numbered and dispatched, then lived through. */
  private report(at: number): void {
    let grid = this.geo.grids[this.pickGrid(this.rand())]!;
    const channel = CHANNELS[this.pickChannel(this.rand())]![0];
    let text = this.texts();
    let [u, v] = [this.rand(), this.rand()];
    // Now and then a neighbour reports what someone nearby reported a little earlier, in their own words
    // (as in the demo's history): the engine may propose it as a duplicate, and staff merge it.
    const earlier = channel !== 'patrol' && channel !== 'visit' && this.chance(0.06) ? this.recentResidentReport(grid, at) : undefined;
    if (earlier) {
      text = reportLike(earlier.text);
      grid = earlier.grid;
      const near = (x: number) => Math.min(0.999, Math.max(0, x + (this.rand() - 0.5) * 0.2));
      [u, v] = [near(earlier.u), near(earlier.v)];
    }
    const trueCategory = findCategory(text.category)!;
    const point = pointInGrid(this.geo, grid, u, v);
    const worker = acting(grid.worker);
    const communityWorker = acting(this.geo.communityWorker.get(grid.community.id)!);

    // Who files it and with what (as the demo's history does it, from channel to channel).
    let actor: Acting = ANONYMOUS;
    let reporterAccount: string | null = null;
    let token: string | null = null;
    let reporter: { name: string; phone: string } | null = null;
    let proxy: { name: string; phone: string; consent: string } | null = null;
    let givenCategory: string | null = null;
    let kind = 'demand';
    let kindData: Record<string, unknown> | null = null;
    let course: Course = 'normal';
    if (channel === 'patrol' || channel === 'visit') {
      actor = worker;
      kind = 'patrol_report';
      givenCategory = trueCategory.code;
      const fixed = channel === 'patrol' && this.chance(0.35);
      kindData = { ...(CHECKLISTS[trueCategory.major] ? { checklist: CHECKLISTS[trueCategory.major] } : {}), ...(fixed ? { fixedOnSite: true } : {}) };
      if (fixed) course = 'fixed_on_site';
    } else if (channel === 'hotline') {
      actor = communityWorker;
      reporter = this.person();
      if (this.chance(0.5)) givenCategory = trueCategory.code;
    } else if (channel === 'proxy') {
      actor = worker;
      const p = this.person();
      proxy = { ...p, consent: '居民口头同意由网格员代为反映' };
    } else if (this.chance(0.3)) {
      const account = grid.residents[Math.floor(this.rand() * grid.residents.length)]!;
      actor = acting(account);
      reporterAccount = account.accountId;
    } else {
      token = Array.from({ length: 40 }, () => TOKEN_CHARS[Math.floor(this.rand() * TOKEN_CHARS.length)]).join('');
      if (this.chance(0.6)) reporter = this.person();
    }
    if (course === 'normal') course = this.courseFor(trueCategory.tier, trueCategory.major, channel);

    // 分类: the reporter's category, else the classifier's guess with its confidence.
    let categoryCode: string;
    let source: CaseRow['category_source'];
    let confidence: number | null = null;
    let needsReview = false;
    if (givenCategory) {
      categoryCode = givenCategory;
      source = 'reporter';
    } else {
      const guess = this.classify(text.description);
      categoryCode = guess.category;
      confidence = guess.confidence;
      needsReview = guess.confidence < CONFIG.classifierThreshold;
      source = 'classifier';
    }
    const category = findCategory(categoryCode);
    const grade = defaultGrade(category);
    const reportedAt = new Date(at);
    const { respondBy, resolveBy } = deadlinesFor(calendar, category, grade, reportedAt);
    const dispatchNow = !needsReview;
    const duplicate = this.duplicateOf(grid, categoryCode, point, text.description, at);
    const repeat = reporterAccount ? this.repeatOf(reporterAccount, categoryCode, point, at) : null;
    const day = localDay(at);
    const year = Number(day.slice(0, 4));
    const seq = (this.numbers.get(year) ?? 0) + 1;
    this.numbers.set(year, seq);
    const id = this.newId(at);
    const stamp = iso(at);
    const staffActor = actor.staffId !== null;
    const row: CaseRow = {
      id,
      number: `LX-${year}-${String(seq).padStart(6, '0')}`,
      kind,
      state: dispatchNow ? 'dispatched' : 'new',
      version: 1,
      channel,
      nature: '02',
      category: categoryCode,
      category_source: source,
      category_confidence: confidence,
      needs_review: needsReview ? 1 : 0,
      grade,
      title: text.description.replace(/\s+/g, ' ').trim().slice(0, 40),
      description: text.description,
      search_text: indexTokens(`${text.description} ${text.address}`),
      lng: point.lng,
      lat: point.lat,
      address: text.address,
      compound_id: null,
      grid_id: grid.id,
      community_id: grid.community.id,
      police_beat_id: null,
      outside_grid: 0,
      path: grid.path,
      tier: 1,
      handler_node_id: grid.id,
      handler_path: grid.path,
      handler_staff_id: dispatchNow ? grid.worker.staffId : null,
      reporter_account_id: reporterAccount,
      reporter_resident_id: null,
      reporter_name: proxy?.name ?? reporter?.name ?? null,
      reporter_phone: proxy?.phone ?? reporter?.phone ?? null,
      contact_preference: reporterAccount ? 'app' : reporter?.phone ? 'phone' : 'none',
      anonymous: actor === ANONYMOUS ? 1 : 0,
      proxy_consent: proxy?.consent ?? null,
      created_by: actor.accountId,
      is_public: category && !PRIVATE_MAJORS.has(category.major) ? 1 : 0,
      kind_data: kindData ? JSON.stringify(kindData) : null,
      reported_at: stamp,
      reported_day: day,
      respond_by: respondBy,
      resolve_by: resolveBy,
      accepted_at: null,
      resolved_at: null,
      resolved_tier: null,
      resolution: null,
      closed_at: null,
      suspended_at: null,
      overdue_at: null,
      escalated_auto_at: null,
      reminded_at: null,
      rework_count: 0,
      return_count: 0,
      reporter_count: 1,
      merged_into_id: null,
      duplicate_candidate_id: duplicate?.row.id ?? null,
      repeat_of_id: repeat,
      contributions: '{}',
      updated_at: stamp,
    };
    const sim: Sim = {
      row,
      grid,
      events: [],
      reporters: [],
      followUps: [],
      extensions: [],
      contributions: contributionsOf(row),
      touched: new Set(),
      lastAt: at,
      reportedMs: at,
      closedMs: Infinity,
      goneMs: Infinity,
      recategorisedMs: Infinity,
      firstCategory: categoryCode,
      text,
      u,
      v,
    };
    this.touch(sim);
    sim.reporters.push({
      case_id: id,
      reporter_key: reporterAccount ? `account:${reporterAccount}` : token ? `token:${hashSecret(token)}` : `case:${id}`,
      account_id: reporterAccount,
      resident_id: null,
      name: row.reporter_name,
      phone: row.reporter_phone,
      source_case_id: id,
      reported_at: stamp,
    });
    sim.events.push(this.event(sim, at, actor, 'submit', null, row.state, {
      toHandler: row.handler_staff_id ?? row.handler_node_id,
      data: {
        channel,
        category: categoryCode,
        categorySource: source,
        confidence,
        needsReview,
        outsideGrid: false,
        duplicateCandidate: row.duplicate_candidate_id,
        handledBy: dispatchNow ? grid.worker.name : null,
        onBehalfBy: channel === 'proxy' ? actor.label : null,
        createdByStaff: channel === 'proxy' && staffActor ? actor.staffId : null,
      },
    }));

    this.liveThrough(sim, course, trueCategory.code, duplicate, token !== null || reporterAccount !== null ? actor : null);
    this.tick(sim, this.end);
    this.finish(sim);
    if (reporterAccount) this.remember(this.recentByAccount, reporterAccount, sim, at - 30 * DAY);
    this.remember(this.recentByGrid, grid.index, sim, at - CONFIG.duplicateWindowDays * DAY);
  }

  /** The latest report from a resident in this grid within 30 hours, still open. */
  private recentResidentReport(grid: BenchGrid, at: number): Sim | undefined {
    const list = this.recentByGrid.get(grid.index) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if (at - s.reportedMs > 30 * HOUR) break;
      if (s.row.kind === 'demand' && at < s.closedMs) return s;
    }
    return undefined;
  }

  private remember<K>(index: Map<K, Sim[]>, key: K, sim: Sim, since: number): void {
    const list = (index.get(key) ?? []).filter((s) => s.reportedMs >= since);
    list.push(sim);
    index.set(key, list);
  }

  /** A caller's name and mobile number, as a hotline operator or a proxy writes them down. */
  private person(): { name: string; phone: string } {
    const name = personName(this.r, this.r.chance(0.5) ? 'male' : 'female', this.r.chance(0.7));
    return { name, phone: this.r.pick(MOBILE_PREFIXES) + String(this.r.int(0, 99_999_999)).padStart(8, '0') };
  }

  private classify(text: string): { category: string; confidence: number } {
    let c = this.classified.get(text);
    if (!c) {
      const guess = this.classifier.classify(text);
      c = { category: guess.category, confidence: guess.confidence };
      if (this.classified.size > 200_000) this.classified.clear();
      this.classified.set(text, c);
    }
    return c;
  }

  /** What the category asks for (as the demo's history): the harder ones go up a tier; a few rarer courses by share. */
  private courseFor(tier: number, major: string, channel: Channel): Course {
    if (major === '10' ? this.chance(0.3) : tier === 3 ? this.chance(0.5) : tier === 2 ? this.chance(0.15) : this.chance(0.02)) return 'escalate';
    const fromResident = channel !== 'patrol' && channel !== 'visit';
    const x = this.rand();
    if (fromResident && x < 0.025) return 'return_reject';
    if (fromResident && x < 0.045) return 'return_redispatch';
    if (x < 0.075) return 'extend';
    if (x < 0.1) return 'suspend';
    if (x < 0.135) return 'slow';
    return 'normal';
  }

  /** An open case of the same category within the radius, reported in the window, with similar words (openCasesNear + duplicateOf). */
  private duplicateOf(grid: BenchGrid, category: string, point: { lng: number; lat: number }, text: string, at: number): Sim | null {
    const since = at - CONFIG.duplicateWindowDays * DAY;
    const near: Sim[] = [];
    for (let dc = -1; dc <= 1; dc++) {
      for (let dr = -1; dr <= 1; dr++) {
        const g = this.geo.gridAt(grid.col + dc, grid.row + dr);
        for (const s of (g && this.recentByGrid.get(g.index)) || []) {
          const current = s.recategorisedMs <= at ? s.row.category : s.firstCategory;
          if (current === category && s.reportedMs >= since && at < s.closedMs && s.goneMs > at) near.push(s);
        }
      }
    }
    near.sort((a, b) => b.reportedMs - a.reportedMs);
    let best: { sim: Sim; score: number } | null = null;
    for (const c of near.slice(0, 50)) {
      if (metresBetween(point.lng, point.lat, c.row.lng, c.row.lat) > CONFIG.duplicateRadiusMeters) continue;
      const score = textSimilarity(text, c.row.description);
      if (score >= 0.2 && (!best || score > best.score)) best = { sim: c, score };
    }
    return best?.sim ?? null;
  }

  /** 重复诉求: the same account's case of the same category within 100 m and 30 days. */
  private repeatOf(account: string, category: string, point: { lng: number; lat: number }, at: number): string | null {
    const earlier = (this.recentByAccount.get(account) ?? []).filter((s) => s.reportedMs >= at - 30 * DAY && s.row.category === category && s.goneMs > at);
    earlier.sort((a, b) => b.reportedMs - a.reportedMs);
    return earlier.slice(0, 20).find((s) => metresBetween(point.lng, point.lat, s.row.lng, s.row.lat) <= 100)?.row.id ?? null;
  }

  // ——— the engine's step, and the scheduler ———

  private event(sim: Sim, at: number, actor: Acting | null, action: CaseAction, from: CaseRow['state'] | null, to: CaseRow['state'], d: Detail): CaseEventsTable {
    return {
      id: this.newId(at),
      case_id: sim.row.id,
      seq: sim.row.version,
      at: iso(at),
      action,
      actor_account_id: actor?.accountId ?? null,
      actor_label: actor?.label ?? '系统',
      from_state: from,
      to_state: to,
      from_handler: d.fromHandler ?? null,
      to_handler: d.toHandler ?? null,
      reason: d.reason ?? null,
      data: d.data ? JSON.stringify(d.data) : null,
      public_note: d.publicNote ? 1 : 0,
    };
  }

  private touch(sim: Sim): void {
    const category = CATEGORY_INDEX.get(sim.row.category ?? '')!;
    for (const metric of Object.keys(sim.contributions)) sim.touched.add(category * NM + METRIC_INDEX.get(metric)!);
  }

  /** applyStep: the action must be allowed from the state; version + 1, one event, contributions recomputed. */
  private apply(sim: Sim, at: number, actor: Acting | null, action: CaseAction, patch: Partial<CaseRow>, d: Detail = {}): void {
    const before = sim.row;
    if (!allows(action, before.state)) throw new Error(`bench case history: ${action} is not allowed from ${before.state} (${before.number})`);
    const next: CaseRow = { ...before, ...patch, version: before.version + 1, updated_at: iso(at) };
    sim.row = next;
    sim.contributions = contributionsOf(next, sim.contributions);
    this.touch(sim);
    sim.events.push(this.event(sim, at, actor, action, before.state, next.state, d));
    sim.lastAt = at;
    if (!isOpen(next.state) && sim.closedMs === Infinity) sim.closedMs = at;
    if ((next.state === 'merged' || next.state === 'rejected') && sim.goneMs === Infinity) sim.goneMs = at;
  }

  /**
   * The deadline scheduler's passes (runDeadlines, once a minute) that fall before `until`: overdue, then
   * automatic escalation after the grace, and the reminder before a deadline, each on the next whole
   * minute after it falls due.
   */
  private tick(sim: Sim, until: number): void {
    const grace = CONFIG.autoEscalateGraceHours * HOUR;
    const remindBefore = CONFIG.remindBeforeHours * HOUR;
    for (;;) {
      const c = sim.row;
      const nextPass = (threshold: number) => Math.floor(Math.max(threshold, sim.lastAt) / MINUTE) * MINUTE + MINUTE;
      const resolveBy = Date.parse(c.resolve_by);
      let due = Infinity;
      let what: 'overdue' | 'escalate' | 'remind' | null = null;
      if ((c.state === 'new' || inHand(c)) && !c.overdue_at) [due, what] = [nextPass(resolveBy), 'overdue'];
      if (inHand(c) && c.overdue_at && !c.escalated_auto_at && c.tier < 3) {
        const t = nextPass(Date.parse(c.overdue_at) + grace);
        if (t < due) [due, what] = [t, 'escalate'];
      }
      if (inHand(c) && !c.reminded_at) {
        const t = nextPass(resolveBy - remindBefore);
        if (t <= resolveBy && t < due) [due, what] = [t, 'remind'];
      }
      if (!what || due >= until || due >= this.end) return;
      const stamp = iso(due);
      if (what === 'overdue') this.apply(sim, due, null, 'overdue', { overdue_at: stamp }, { data: { resolveBy: c.resolve_by } });
      else if (what === 'remind') this.apply(sim, due, null, 'remind', { reminded_at: stamp }, { data: { resolveBy: c.resolve_by } });
      else this.escalate(sim, due, null, `超期 ${CONFIG.autoEscalateGraceHours} 小时未办结，自动上报上级`, true);
    }
  }

  // ——— the services ———

  /** The unit one tier up: 2 community, 3 street. */
  private tierNode(sim: Sim, tier: number): BenchNode {
    return tier === 2 ? sim.grid.community : sim.grid.street;
  }

  /** Whoever holds the case now: the person named on it, else the person of its unit. */
  private handlerOf(sim: Sim): Acting {
    const c = sim.row;
    const named = c.handler_staff_id ? this.staffById.get(c.handler_staff_id) : undefined;
    if (named) return named;
    const node = c.handler_node_id ? this.nodes.get(c.handler_node_id) : undefined;
    if (node?.kind === 'grid') return acting(sim.grid.worker);
    if (node?.kind === 'community') return acting(this.geo.communityWorker.get(node.id)!);
    if (node?.kind === 'street') return acting(this.geo.streetAdmin.get(node.id)!);
    return acting(this.geo.admin);
  }

  private community(sim: Sim): Acting {
    return acting(this.geo.communityWorker.get(sim.grid.community.id)!);
  }

  private escalate(sim: Sim, at: number, actor: Acting | null, reason: string, auto: boolean): void {
    const c = sim.row;
    const tier = c.tier + 1;
    const unit = this.tierNode(sim, tier);
    this.apply(sim, at, actor, 'escalate', { state: 'dispatched', tier, handler_node_id: unit.id, handler_path: unit.path, handler_staff_id: null, ...(auto ? { escalated_auto_at: iso(at) } : {}) }, { reason, fromHandler: handlerLabel(c), toHandler: unit.id, data: { fromTier: c.tier, toTier: tier, automatic: auto } });
  }

  /** 派单 (with 确认分类 first when a category is given): to the grid's on-duty worker. */
  private dispatch(sim: Sim, at: number, actor: Acting, category?: string): void {
    if (category) {
      const cat = findCategory(category)!;
      const c = sim.row;
      const { respondBy, resolveBy } = deadlinesFor(calendar, cat, c.grade as 'normal' | 'urgent', new Date(c.reported_at));
      this.apply(sim, at, actor, 'categorize', { category, category_source: 'staff', needs_review: 0, respond_by: respondBy, resolve_by: resolveBy, search_text: indexTokens(`${c.description} ${c.address ?? ''}`) }, { data: { from: c.category, to: category } });
      sim.recategorisedMs = at;
    }
    const c = sim.row;
    this.apply(sim, at, actor, 'dispatch', { state: 'dispatched', needs_review: 0, handler_node_id: sim.grid.id, handler_path: sim.grid.path, handler_staff_id: sim.grid.worker.staffId }, { fromHandler: handlerLabel(c), toHandler: sim.grid.worker.staffId });
  }

  /** Brings the case to 处置中 with its current handler: dispatched if waiting, accepted, resumed. */
  private takeOn(sim: Sim, at: number, category: string): void {
    if (sim.row.state === 'new') this.dispatch(sim, at, this.community(sim), sim.row.category ? undefined : category);
    if (sim.row.state === 'dispatched') {
      const h = this.handlerOf(sim);
      this.apply(sim, at, h, 'accept', { state: 'in_progress', accepted_at: sim.row.accepted_at ?? iso(at), handler_staff_id: sim.row.handler_staff_id ?? h.staffId });
    }
    if (sim.row.state === 'suspended') this.resume(sim, at, this.handlerOf(sim));
  }

  private resume(sim: Sim, at: number, actor: Acting): void {
    const c = sim.row;
    const paused = c.suspended_at ? at - Date.parse(c.suspended_at) : 0;
    this.apply(sim, at, actor, 'resume', { state: 'in_progress', suspended_at: null, resolve_by: iso(Date.parse(c.resolve_by) + paused) }, { data: { pausedHours: Math.round(paused / 36_000) / 100 } });
  }

  private resolve(sim: Sim, at: number, category: string): void {
    this.takeOn(sim, at, category);
    if (sim.row.state !== 'in_progress') return;
    const result = words.result(this.r, category.slice(0, 2));
    this.apply(sim, at, this.handlerOf(sim), 'resolve', { state: 'resolved', resolved_at: iso(at), resolved_tier: sim.row.tier, resolution: result }, { reason: result, publicNote: true });
  }

  /** 回访 or the reporter's rating: the follow-up row, its counters on its own day, and rework when not solved. */
  private followUp(sim: Sim, at: number, actor: Acting, input: { method: 'visit' | 'phone' | 'app'; reached: boolean; contactedInTime?: boolean; solved?: boolean; satisfaction?: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string }): void {
    const c = sim.row;
    const reached = input.method === 'app' ? true : input.reached;
    const row: FollowUpsTable = {
      id: this.newId(at),
      case_id: c.id,
      at: iso(at),
      day: localDay(at),
      path: c.path,
      by_account_id: actor.accountId,
      method: input.method,
      reached: reached ? 1 : 0,
      contacted_in_time: reached && input.contactedInTime !== undefined ? (input.contactedInTime ? 1 : 0) : null,
      solved: reached && input.solved !== undefined ? (input.solved ? 1 : 0) : null,
      satisfaction: reached ? input.satisfaction ?? null : null,
      comment: input.comment ?? null,
    };
    sim.followUps.push(row);
    const counters = followUpContributions({ reached, contactedInTime: input.contactedInTime ?? null, solved: input.solved ?? null, satisfaction: row.satisfaction });
    const stats = this.followUpStats.get(row.day) ?? new Map<number, number>();
    this.followUpStats.set(row.day, stats);
    const dims = dimsOf(c);
    for (const node of this.nodesOn(c.path)) {
      for (const [metric, value] of Object.entries(counters)) {
        const key = statKey(node, METRIC_INDEX.get(metric)!, dims);
        stats.set(key, (stats.get(key) ?? 0) + value!);
      }
    }
    const rework = reached && (input.solved === false || input.satisfaction === 'dissatisfied');
    this.apply(sim, at, actor, 'follow_up', rework ? { state: 'in_progress', rework_count: c.rework_count + 1, closed_at: null } : {}, {
      reason: input.comment ?? null,
      data: { followUpId: row.id, method: input.method, reached, contactedInTime: input.contactedInTime ?? null, solved: input.solved ?? null, satisfaction: row.satisfaction, rework },
    });
  }

  /** 合并 into an open case reported a little earlier: its reporters join the target, whose timeline gets a note. */
  private merge(sim: Sim, at: number, actor: Acting, target: Sim): boolean {
    const stateThen = [...target.events].reverse().find((e) => Date.parse(e.at) <= at)?.to_state as CaseRow['state'] | undefined;
    if (!stateThen || !isOpen(stateThen) || !isOpen(sim.row.state)) return false;
    for (const r of sim.reporters) if (!target.reporters.some((t) => t.reporter_key === r.reporter_key)) target.reporters.push({ ...r, case_id: target.row.id });
    const count = target.reporters.length;
    const reason = '同一问题多人反映，合并处理';
    this.apply(sim, at, actor, 'merge', { state: 'merged', merged_into_id: target.row.id }, { reason, data: { into: target.row.number } });
    // The target's note goes into its timeline where it happened; later steps move up one version.
    const note: CaseEventsTable = {
      id: this.newId(at),
      case_id: target.row.id,
      seq: 0,
      at: iso(at),
      action: 'note',
      actor_account_id: actor.accountId,
      actor_label: actor.label,
      from_state: stateThen,
      to_state: stateThen,
      from_handler: null,
      to_handler: null,
      reason,
      data: JSON.stringify({ mergedFrom: sim.row.number, reporters: count }),
      public_note: 0,
    };
    const position = target.events.findIndex((e) => Date.parse(e.at) > at);
    target.events.splice(position < 0 ? target.events.length : position, 0, note);
    target.events.forEach((e, i) => (e.seq = i + 1));
    target.row.version = target.events.length;
    target.row.reporter_count = count;
    if (target.row.updated_at < note.at) target.row.updated_at = note.at;
    return true;
  }

  /**
   * One case from report to its last follow-up, as far as the clock gets (the course of the demo's
   * history): every step first lets the scheduler act on what fell due before it, and checks the state
   * the case is in by then.
   */
  private liveThrough(sim: Sim, course: Course, category: string, duplicate: Sim | null, selfReporter: Acting | null): void {
    // A function, not a field read: the steps below change the state behind the compiler's back.
    const state = (): CaseRow['state'] => sim.row.state;
    const urgent = sim.row.grade === 'urgent';
    let t = sim.reportedMs;
    const hoursTo = (stamp: string) => (Date.parse(stamp) - t) / HOUR;
    // Staff act between 08:00 and 21:00 local time; a later step waits for the next morning.
    const later = (hours: number, duty = !urgent) => {
      t += Math.max(MINUTE, Math.round(hours * HOUR));
      if (duty) {
        const local = (((t + LOCAL_OFFSET) % DAY) + DAY) % DAY;
        const hour = local / HOUR;
        if (hour < 8) t += 8 * HOUR - local + Math.floor(10 + this.rand() * 80) * MINUTE;
        else if (hour >= 21) t += DAY - local + 8 * HOUR + Math.floor(10 + this.rand() * 80) * MINUTE;
      }
      return t;
    };
    /** Moves the clock to `at` with the scheduler's passes before it; false once that is past now. */
    const reach = (at: number) => {
      if (at >= this.end) return false;
      this.tick(sim, at);
      return true;
    };
    const community = this.community(sim);

    // 合并: the same problem reported nearby a little earlier.
    if (duplicate && this.chance(0.7)) {
      if (!reach(later(0.3 + this.rand() * 3))) return;
      if (isOpen(state()) && this.merge(sim, t, community, duplicate)) return;
    }

    // The classifier was unsure: the case waits until the community office confirms the category.
    if (state() === 'new') {
      if (!reach(later(1 + this.rand() * 20))) return;
      if (state() === 'new') this.dispatch(sim, t, community, category);
    }

    if (course === 'return_reject' || course === 'return_redispatch') {
      if (!reach(later(0.2 + this.rand() * 2))) return;
      if (inHand(sim.row)) {
        const c = sim.row;
        this.apply(sim, t, this.handlerOf(sim), 'return', { state: 'new', return_count: c.return_count + 1, handler_staff_id: null, handler_node_id: sim.grid.community.id, handler_path: sim.grid.community.path }, { reason: words.returnReason(this.r), fromHandler: handlerLabel(c), toHandler: sim.grid.community.id });
      }
      if (!reach(later(1 + this.rand() * 6))) return;
      if (state() === 'new') {
        if (course === 'return_reject') {
          this.apply(sim, t, community, 'reject', { state: 'rejected' }, { reason: words.reject(this.r) });
          return;
        }
        this.dispatch(sim, t, community);
      }
    }

    // 签收: mostly within the response time, sometimes late.
    const respondIn = Math.max(0.1, hoursTo(sim.row.respond_by));
    const acceptIn = course === 'fixed_on_site' ? 0.05 : this.chance(0.08) ? respondIn * (1.2 + this.rand() * 2) : Math.max(0.05, respondIn * (0.1 + this.rand() * 0.7));
    if (!reach(later(acceptIn, course !== 'fixed_on_site' && !urgent))) return;
    this.takeOn(sim, t, category);

    if (course === 'escalate') {
      if (!reach(later(0.5 + this.rand() * Math.max(1, hoursTo(sim.row.resolve_by) * 0.3)))) return;
      if (inHand(sim.row) && sim.row.tier < 3) this.escalate(sim, t, this.handlerOf(sim), words.escalate(this.r), false);
      if (!reach(later(0.3 + this.rand() * 4))) return;
      this.takeOn(sim, t, category);
      if (findCategory(category)?.tier === 3 && sim.row.tier === 2 && this.chance(0.45)) {
        if (!reach(later(4 + this.rand() * 30))) return;
        if (inHand(sim.row) && sim.row.tier === 2) this.escalate(sim, t, this.handlerOf(sim), words.escalateStreet(this.r), false);
        if (!reach(later(1 + this.rand() * 8))) return;
        this.takeOn(sim, t, category);
      }
    }

    if (course === 'extend') {
      if (!reach(later(Math.max(0.5, hoursTo(sim.row.resolve_by) * (0.4 + this.rand() * 0.4))))) return;
      if (inHand(sim.row)) {
        const requester = this.handlerOf(sim);
        const workingDays = this.rand() < 0.5 ? 3 : 5;
        const reason = words.extend(this.r);
        const request: ExtensionRequestsTable = { id: this.newId(t), case_id: sim.row.id, requested_by: requester.accountId, requested_at: iso(t), working_days: workingDays, reason, state: 'pending', decided_by: null, decided_at: null, decision_note: null };
        sim.extensions.push(request);
        this.apply(sim, t, requester, 'extend', {}, { reason, data: { workingDays } });
        if (!reach(later(1 + this.rand() * 10))) return;
        if (['dispatched', 'in_progress', 'suspended'].includes(state())) {
          const node = sim.row.handler_node_id ? this.nodes.get(sim.row.handler_node_id) : undefined;
          const approver = node?.kind === 'grid' && community.accountId !== requester.accountId ? community : node?.kind !== 'street' ? acting(this.geo.streetAdmin.get(sim.grid.street.id)!) : acting(this.geo.admin);
          const approve = this.chance(0.85);
          const note = '同意延期，请按新期限办结';
          const stamp = iso(t);
          const resolveBy = approve ? extendDeadline(calendar, sim.row.resolve_by, workingDays) : sim.row.resolve_by;
          Object.assign(request, { state: approve ? 'approved' : 'refused', decided_by: approver.accountId, decided_at: stamp, decision_note: note });
          this.apply(sim, t, approver, 'decide_extension', approve ? { resolve_by: resolveBy, ...(sim.row.overdue_at && resolveBy > stamp ? { overdue_at: null } : {}) } : {}, { reason: note, data: { approved: approve, workingDays, resolveBy } });
        }
      }
    }

    if (course === 'suspend') {
      if (!reach(later(1 + this.rand() * 12))) return;
      if (state() === 'in_progress') this.apply(sim, t, this.handlerOf(sim), 'suspend', { state: 'suspended', suspended_at: iso(t) }, { reason: words.suspend(this.r) });
      if (!reach(later(40 + this.rand() * 90))) return;
      if (state() === 'suspended') this.resume(sim, t, this.handlerOf(sim));
    }

    if (course !== 'fixed_on_site' && this.chance(0.3)) {
      if (!reach(later(0.3 + Math.max(0, hoursTo(sim.row.resolve_by)) * this.rand() * 0.3))) return;
      if (isOpen(state())) this.apply(sim, t, this.handlerOf(sim), 'note', {}, { reason: words.note(this.r), publicNote: this.chance(0.5) });
    }

    // 办结: well within the limit, or (slow) well past it.
    const left = hoursTo(sim.row.resolve_by);
    const resolveIn = course === 'fixed_on_site' ? 0.1 + this.rand() * 0.6 : course === 'slow' ? Math.max(left, 2) * (1.15 + this.rand()) + 6 : Math.max(0.3, left * (0.15 + this.rand() * 0.7));
    if (!reach(later(resolveIn, course !== 'fixed_on_site' && !urgent))) return;
    this.resolve(sim, t, category);

    for (let round = 0; round < 3 && state() === 'resolved'; round++) {
      // 核查 by someone other than the handler: a few fail and go back as rework.
      const pass = round > 0 || !this.chance(0.04);
      if (!reach(later(1 + this.rand() * 18))) return;
      if (state() === 'resolved') {
        const verifier = sim.row.handler_staff_id === community.staffId ? acting(this.geo.streetAdmin.get(sim.grid.street.id)!) : community;
        this.apply(sim, t, verifier, 'verify', pass ? { state: 'closed', closed_at: iso(t) } : { state: 'in_progress', rework_count: sim.row.rework_count + 1 }, { reason: pass ? null : words.verifyFail(this.r), data: { pass } });
      }
      if (state() === 'in_progress') {
        if (!reach(later(12 + this.rand() * 36))) return;
        this.resolve(sim, t, category);
        continue;
      }
      // 回访: cases staff found themselves have nobody to call back.
      if (state() !== 'closed' || PROACTIVE_CHANNELS.includes(sim.row.channel as Channel) || this.chance(0.1)) break;
      const x = this.rand();
      const satisfaction = round > 0 ? (x < 0.6 ? 'satisfied' : 'basically_satisfied') : x < 0.76 ? 'satisfied' : x < 0.93 ? 'basically_satisfied' : 'dissatisfied';
      const solved = satisfaction === 'dissatisfied' ? this.chance(0.2) : satisfaction === 'basically_satisfied' ? this.chance(0.9) : true;
      const comment = satisfaction === 'dissatisfied' ? words.dissatisfied(this.r) : satisfaction === 'satisfied' ? words.satisfied(this.r) : '';
      const contactedInTime = this.chance(0.93);
      if (selfReporter && this.chance(0.45)) {
        if (!reach(later(2 + this.rand() * 60, false))) return;
        if (state() === 'closed') this.followUp(sim, t, selfReporter, { method: 'app', reached: true, satisfaction, solved: satisfaction !== 'dissatisfied', ...(comment ? { comment } : {}) });
      } else {
        const [caller, method] = this.chance(0.7) ? [community, 'phone' as const] : [acting(sim.grid.worker), 'visit' as const];
        if (this.chance(0.07)) {
          if (!reach(later(4 + this.rand() * 60))) return;
          if (state() === 'closed') this.followUp(sim, t, caller, { method, reached: false, comment: '电话无人接听' });
        }
        if (!reach(later(4 + this.rand() * 60))) return;
        if (state() === 'closed') this.followUp(sim, t, caller, { method, reached: true, contactedInTime, solved, satisfaction, ...(comment ? { comment } : {}) });
      }
      // 不满意 or not solved: back to the same handler as rework.
      if (state() !== 'in_progress') break;
      if (!reach(later(12 + this.rand() * 48))) return;
      this.resolve(sim, t, category);
    }
  }

  /** The indexes of the nodes on a path (a counter is kept for each). */
  private nodesOn(path: string): number[] {
    let nodes = this.pathNodes.get(path);
    if (!nodes) this.pathNodes.set(path, (nodes = path.split('/').filter(Boolean).map((id) => this.nodeIndex.get(id)!)));
    return nodes;
  }

  /** The case's final row and its cohort counters for its reporting day (zero where a counter went back down). */
  private finish(sim: Sim): void {
    const c = sim.row;
    c.contributions = JSON.stringify(sim.contributions);
    const finals = new Map<number, number>();
    for (const key of sim.touched) finals.set(key, 0);
    const category = CATEGORY_INDEX.get(c.category ?? '')!;
    for (const [metric, value] of Object.entries(sim.contributions)) finals.set(category * NM + METRIC_INDEX.get(metric)!, value!);
    const dims = dimsOf(c);
    for (const node of this.nodesOn(c.path)) {
      for (const [key, value] of finals) {
        const k = statKey(node, key % NM, withCategory(dims, Math.floor(key / NM)));
        this.cohort.set(k, (this.cohort.get(k) ?? 0) + value);
      }
    }
    this.pending.push(sim);
  }
}
