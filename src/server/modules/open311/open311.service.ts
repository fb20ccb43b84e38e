import { statSync } from 'node:fs';
import type { AppContext } from '../../context.ts';
import type { CaseState } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import type { NewCase } from '../cases/intake.service.ts';
import { STATES } from '../cases/lifecycle.ts';
import type { Category } from '../cases/taxonomy.ts';
import { type Attribute, kindOfService, serviceAttributes, serviceCategory, serviceNotice } from './open311.catalogue.ts';
import { w3cDateTime, parseW3cDateTime } from './open311.format.ts';
import { redactText } from '../../platform/redact.ts';
import * as repo from './open311.repository.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** The spec's default and ceiling: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;
/** "free form text limited to 4,000 characters" */
const MAX_DESCRIPTION = 4000;

// The changeset tells clients when to refresh cached services: it moves when the taxonomy file changes
// (read once, like the taxonomy itself, which is loaded at start-up).
const CHANGESET = w3cDateTime(statSync(new URL('../../../../taxonomy/categories.json', import.meta.url)).mtime.toISOString());

/** GET discovery: where the endpoint is, what it speaks, whom to ask for a key. */
export function discovery(ctx: AppContext, locale: Locale) {
  const changeset = CHANGESET;
  const en = locale === 'en';
  return {
    changeset,
    contact: en ? `Lianxin (连心) community grid governance platform, operated at ${ctx.config.publicUrl}` : `连心社区网格治理平台，运营方网址：${ctx.config.publicUrl}`,
    key_service: en
      ? 'API keys are issued by the operator of this deployment (command: lianxin apikey create <name>). Reading services and requests needs no key; posting a request does.'
      : '接口密钥（api_key）由本平台运营方签发（命令：lianxin apikey create <名称>）。查询服务与诉求无需密钥，提交诉求需要密钥。',
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${ctx.config.publicUrl}/open311/v2`,
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** The category a service_code names, refused in the spec's terms when there is none. */
export function requireService(serviceCode: string | undefined): Category {
  if (!serviceCode) throw new AppError('OPEN311_SERVICE_CODE_REQUIRED');
  const c = serviceCategory(serviceCode);
  if (!c) throw new AppError('OPEN311_SERVICE_NOT_FOUND', { serviceCode });
  return c;
}

/** The posted form: one string per field, a list where a field is repeated (`attribute[code][]`); numbers from a JSON body. */
export type PostedForm = Record<string, string | string[] | number | undefined>;

function invalid(parameter: string, problemZh: string, problemEn: string): AppError {
  return new AppError('OPEN311_PARAMETER_INVALID', { parameter, problemZh, problemEn });
}

/** One value of a field; "optional" in the spec means an empty value counts as not sent. */
function field(form: PostedForm, name: string, max: number): string | undefined {
  const v = form[name];
  if (Array.isArray(v)) throw invalid(name, '只能填写一次', 'may be given only once');
  const text = v === undefined || v === null ? undefined : String(v).trim();
  if (!text) return undefined;
  if ([...text].length > max) throw invalid(name, `不能超过 ${max} 个字符`, `is longer than ${max} characters`);
  return text;
}

function coordinate(form: PostedForm, name: 'lat' | 'long', limit: number): number | undefined {
  const text = field(form, name, 40);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^[+-]?\d+(\.\d+)?$/.test(text) || Math.abs(n) > limit) throw invalid(name, `应为 WGS84 坐标（-${limit} 至 ${limit}）`, `must be a WGS84 coordinate between -${limit} and ${limit}`);
  return n;
}

const CJK = /^[\u3400-\u9fff\u00b7]+$/;

/** 姓 + 名 for Chinese names (no space), "first last" otherwise. */
function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  if (first && last && CJK.test(first) && CJK.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/** A phone number as staff will dial it: spaces dropped, +86 / 0086 dropped before a mobile number. */
function phoneNumber(form: PostedForm): string | undefined {
  const text = field(form, 'phone', 30);
  if (text === undefined) return undefined;
  if (!/^[0-9+\-\s()]+$/.test(text) || !/\d{5}/.test(text.replace(/\D/g, ''))) throw invalid('phone', '应为电话号码', 'must be a phone number');
  const compact = text.replace(/[\s()]/g, '');
  const mobile = /^(?:\+86|0086|86)-?(1[3-9]\d{9})$/.exec(compact);
  return mobile ? mobile[1] : compact;
}

/** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2`, by code. */
function postedAttributes(form: PostedForm): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(form)) {
    const m = /^attribute\[([^\][]{1,64})\](\[\])?$/.exec(key);
    if (!m || value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v).trim()).filter(Boolean);
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), ...values]);
  }
  return out;
}

/** The posted attributes checked against the service definition: the nature, and the kind's own fields. */
function readAttributes(c: Category, form: PostedForm): { nature?: string; data: Record<string, unknown> } {
  const posted = postedAttributes(form);
  const data: Record<string, unknown> = {};
  let nature: string | undefined;
  // Codes the definition does not list are ignored, as clients may send their own (a FixMyStreet id, say).
  for (const a of serviceAttributes(c)) {
    const values = posted.get(a.code) ?? [];
    if (values.length === 0) {
      if (a.required) throw new AppError('OPEN311_ATTRIBUTE_INVALID', { attribute: a.code });
      continue;
    }
    const value = attributeValue(a, values);
    if (a.target === 'nature') nature = value as string;
    else data[a.code] = value;
  }
  return { nature, data };
}

function attributeValue(a: Attribute, values: string[]): unknown {
  const refuse = () => new AppError('OPEN311_ATTRIBUTE_INVALID', { attribute: a.code });
  const keys = new Set(a.values.map((v) => v.key));
  if (a.datatype === 'multivaluelist') {
    if (!values.every((v) => keys.has(v))) throw refuse();
    return [...new Set(values)];
  }
  if (values.length > 1) throw refuse();
  const v = values[0]!;
  switch (a.datatype) {
    case 'singlevaluelist':
      if (!keys.has(v)) throw refuse();
      return v === 'true' ? true : v === 'false' ? false : v;
    case 'number':
      if (!Number.isFinite(Number(v))) throw refuse();
      return Number(v);
    case 'datetime': {
      const d = parseW3cDateTime(v);
      if (!d) throw refuse();
      return d.toISOString();
    }
    default:
      if (v.length > (a.datatype === 'string' ? 200 : 2000)) throw refuse();
      return v;
  }
}

/**
 * A POSTed GeoReport request read into the case engine's intake: category from the service_code, the
 * point from lat/long (or a compound named by address_string / address_id), the reporter's name and
 * phone kept privately for call-backs, attributes checked against the service definition.
 * An e-mail address, device_id and account_id are not kept: a case has no place for them.
 */
export async function newCaseFromRequest(db: repo.Db, form: PostedForm): Promise<NewCase> {
  const c = requireService(field(form, 'service_code', 40));
  const lat = coordinate(form, 'lat', 90);
  const lng = coordinate(form, 'long', 180);
  if ((lat === undefined) !== (lng === undefined)) throw invalid(lat === undefined ? 'lat' : 'long', 'lat 和 long 须同时提供', 'lat and long must be sent together');
  const addressString = field(form, 'address_string', 200);
  const addressId = field(form, 'address_id', 64);
  // address_id is the id of a compound (as GET requests publishes it); with a point it links the compound.
  let compoundId = addressId;
  if (lat === undefined && !compoundId) {
    if (addressString) {
      // Without a point we need a place we know: a compound of this jurisdiction, named exactly.
      const named = (await repo.compoundsNamed(db, addressString)).filter((p) => p.lng !== null && p.lat !== null);
      if (named.length !== 1) throw new AppError('OPEN311_LOCATION_REQUIRED');
      compoundId = named[0]!.id;
    } else throw new AppError('OPEN311_LOCATION_REQUIRED');
  }
  const { nature, data } = readAttributes(c, form);
  const mediaUrl = field(form, 'media_url', 2000);
  if (mediaUrl !== undefined) {
    if (!/^https?:\/\/\S+$/i.test(mediaUrl)) throw invalid('media_url', '应为 http(s) 网址', 'must be an http(s) URL');
    // Kept for staff with the case's data; never published (only photos staff release are).
    data.mediaUrl = mediaUrl;
  }
  const name = fullName(field(form, 'first_name', 50), field(form, 'last_name', 50));
  if (name && [...name].length > 50) throw invalid('last_name', '姓名过长', 'the name is too long');
  const phone = phoneNumber(form);
  return {
    kind: kindOfService(c),
    channel: 'open311',
    category: c.code,
    ...(nature ? { nature } : {}),
    description: field(form, 'description', MAX_DESCRIPTION) ?? c.zh,
    ...(lat !== undefined && lng !== undefined ? { location: { lat, lng } } : {}),
    ...(compoundId ? { compoundId } : {}),
    ...(addressString && lat !== undefined ? { address: addressString } : {}),
    ...(name || phone ? { reporter: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

function localMinute(iso: string): string {
  return w3cDateTime(iso)!.slice(0, 16).replace('T', ' ');
}

/** The answer to POST requests: the case number as service_request_id (we are "realtime": no token). */
export function postedView(c: CaseRow, locale: Locale) {
  const cat = c.category ? serviceCategory(c.category) : undefined;
  const en = locale === 'en';
  const who = c.state === 'dispatched' ? (en ? 'sent to the grid worker' : '已派给所在网格处理') : en ? 'waiting for a handler' : '正在安排处理人';
  const notice = en
    ? `Received as ${c.number}, ${who}; expected to be resolved by ${localMinute(c.resolve_by)} (UTC+8).`
    : `已受理，编号 ${c.number}，${who}，预计 ${localMinute(c.resolve_by)} 前办结。`;
  return [{ service_request_id: c.number, service_notice: cat ? `${notice}${en ? ' ' : ''}${serviceNotice(cat, locale)}` : notice, account_id: null }];
}

export interface RequestsQuery {
  service_request_id?: string[];
  service_code?: string[];
  start_date?: string;
  end_date?: string;
  status?: string[];
}

/** Comma-separated and repeated values alike ("can be declared multiple times, comma delimited"). */
function list(values: string[] | undefined): string[] | undefined {
  const out = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return out.length ? [...new Set(out)] : undefined;
}

function date(text: string | undefined, name: string): Date | undefined {
  if (!text?.trim()) return undefined;
  const d = parseW3cDateTime(text);
  if (!d) throw invalid(name, '应为 W3C 日期时间，如 2026-03-01T00:00:00+08:00', 'must be a W3C date-time such as 2026-03-01T00:00:00Z');
  return d;
}

const OPEN_STATES = (Object.keys(STATES) as CaseState[]).filter((s) => STATES[s].family === 'open');
const CLOSED_STATES = (Object.keys(STATES) as CaseState[]).filter((s) => STATES[s].family !== 'open');

/**
 * GET requests' filters as the spec words them: ids override everything; otherwise service codes, status
 * and a window of requested_datetime that may not span more than 90 days (the most recent 90 days when
 * no date is given; 90 days from start_date when only it is given).
 */
export function requestsFilter(q: RequestsQuery): repo.PublicCaseFilter {
  const numbers = list(q.service_request_id);
  if (numbers) return { numbers: numbers.slice(0, MAX_REQUESTS), limit: MAX_REQUESTS };
  const statuses = list(q.status);
  for (const s of statuses ?? []) if (s !== 'open' && s !== 'closed') throw invalid('status', '只能是 open 或 closed', 'must be open or closed');
  const start = date(q.start_date, 'start_date');
  const end = date(q.end_date, 'end_date') ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS) : now());
  const from = start ?? new Date(end.getTime() - MAX_SPAN_DAYS * DAY_MS);
  if (from > end) throw invalid('start_date', '不能晚于 end_date', 'is after end_date');
  if (end.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) throw invalid('end_date', `查询范围不能超过 ${MAX_SPAN_DAYS} 天`, `the range may not span more than ${MAX_SPAN_DAYS} days`);
  const states = statuses && statuses.length < 2 ? (statuses[0] === 'open' ? OPEN_STATES : CLOSED_STATES) : undefined;
  return { categories: list(q.service_code), states, from: from.toISOString(), to: end.toISOString(), limit: MAX_REQUESTS };
}

// What the status alone does not say. Typed by state, so a new state cannot be published without words.
const STATUS_NOTES: Record<CaseState, [string, string]> = {
  new: ['已受理，正在安排处理人', 'Received; finding the right handler'],
  dispatched: ['已派给处理人，等待签收', 'Assigned to a handler'],
  in_progress: ['正在处理', 'Being handled'],
  suspended: ['暂缓处理', 'Paused'],
  resolved: ['处理人已办结，等待核查', 'Reported solved by the handler; being checked'],
  closed: ['已解决并结案', 'Solved and closed'],
  merged: ['重复诉求，与相同问题合并处理', 'Duplicate request, handled together with the same problem'],
  rejected: ['不予受理（不属于受理范围）', 'Not taken on (outside our remit)'],
};

// About 100 m: enough to see where, not which door.
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * GeoReport status: the open family is `open`; resolved (办结, waiting for verification) is `closed`, as
 * the spec defines closed as "it has been resolved" (and FixMyStreet counts its fixed family as closed);
 * closed, merged and rejected are `closed` with a status note saying which.
 */
export function open311Status(state: CaseState): 'open' | 'closed' {
  return STATES[state].family === 'open' ? 'open' : 'closed';
}

/**
 * Published cases as GeoReport requests. No reporter, no phone, no handler's name: the residents' words
 * and the staff's result are published with contact details and reporters' names masked, the point
 * rounded to about 100 m, the address only as the compound or the grid, and only photos staff released.
 */
export async function requestViews(db: repo.Db, ctx: AppContext, rows: CaseRow[], locale: Locale) {
  const en = locale === 'en';
  const ids = rows.map((r) => r.id);
  const nodeIds = [...new Set(rows.flatMap((r) => [r.handler_node_id, r.grid_id, r.community_id]).filter((x): x is string => !!x))];
  const [nodes, compounds, photos, names, mergedInto] = await Promise.all([
    repo.orgNodeNames(db, nodeIds),
    repo.compoundsByIds(db, [...new Set(rows.map((r) => r.compound_id).filter((x): x is string => !!x))]),
    repo.firstReleasedPhotos(db, ids),
    repo.reporterNames(db, ids),
    repo.caseNumbers(db, rows.map((r) => r.merged_into_id).filter((x): x is string => !!x)),
  ]);
  return rows.map((c) => {
    const cat = c.category ? serviceCategory(c.category) : undefined;
    const status = open311Status(c.state);
    const people = [...(names.get(c.id) ?? []), ...(c.reporter_name ? [c.reporter_name] : [])];
    const [noteZh, noteEn] = STATUS_NOTES[c.state];
    let note = en ? noteEn : noteZh;
    if (c.state === 'merged' && c.merged_into_id && mergedInto.get(c.merged_into_id)) note += en ? `: ${mergedInto.get(c.merged_into_id)}` : `：${mergedInto.get(c.merged_into_id)}`;
    if ((c.state === 'resolved' || c.state === 'closed') && c.resolution) note += `${en ? ': ' : '：'}${redactText(c.resolution, people)}`;
    const community = c.community_id ? nodes.get(c.community_id) : undefined;
    const grid = c.grid_id ? nodes.get(c.grid_id) : undefined;
    const handler = c.handler_node_id ? nodes.get(c.handler_node_id) : undefined;
    const agency = handler && c.handler_node_id === c.grid_id && community ? `${community} ${handler}` : handler ?? null;
    const compound = c.compound_id ? compounds.get(c.compound_id) : undefined;
    const address = compound ? (compound.address ? `${compound.name}（${compound.address}）` : compound.name) : [community, grid].filter(Boolean).join(' ') || null;
    const closedAt = status === 'closed' ? (c.state === 'resolved' ? c.resolved_at : c.closed_at) ?? c.updated_at : c.updated_at;
    const photo = photos.get(c.id);
    const settled = c.state === 'merged' || c.state === 'rejected';
    return {
      service_request_id: c.number,
      status,
      status_notes: note,
      service_name: cat ? (en ? cat.en : cat.zh) : null,
      service_code: cat?.code ?? null,
      // A rejected report (spam, outside remit) is not republished in its author's words.
      description: c.state === 'rejected' ? null : [...redactText(c.description, people)].slice(0, MAX_DESCRIPTION).join(''),
      agency_responsible: agency,
      service_notice: cat ? serviceNotice(cat, locale) : null,
      requested_datetime: w3cDateTime(c.reported_at),
      updated_datetime: w3cDateTime(closedAt),
      expected_datetime: settled ? null : w3cDateTime(c.resolve_by),
      address,
      address_id: compound?.id ?? null,
      zipcode: null,
      lat: round3(c.lat),
      long: round3(c.lng),
      media_url: photo ? `${ctx.config.publicUrl}/api/v1/photos/${photo}` : null,
    };
  });
}

/** GET requests: published cases matching the spec's filters. */
export async function listRequests(db: repo.Db, ctx: AppContext, q: RequestsQuery, locale: Locale) {
  return requestViews(db, ctx, await repo.publicCases(db, requestsFilter(q)), locale);
}

/** GET requests/{id}: one published request (a list of one), or 404. */
export async function oneRequest(db: repo.Db, ctx: AppContext, id: string, locale: Locale) {
  const [c] = await repo.publicCases(db, { numbers: [id], limit: 1 });
  if (!c) throw new AppError('OPEN311_REQUEST_NOT_FOUND', { id });
  return requestViews(db, ctx, [c], locale);
}

/**
 * GET tokens/{token}: we answer every POST with its id at once, so a token is the id itself; any case
 * number is answered (it says only that the number exists), so a client written for tokens still works.
 */
export async function requestIdOfToken(db: repo.Db, token: string) {
  if (!(await repo.caseNumberExists(db, token))) throw new AppError('OPEN311_TOKEN_NOT_FOUND', { token });
  return [{ service_request_id: token, token }];
}
