import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { sql } from 'kysely';
import type { OrgKind } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { type AreaGeometry, centroid, describeProblem, validateAreaGeometry } from '../../platform/geo/geometry.ts';
import { type Actor, assertCan } from '../auth/permissions.ts';
import * as repo from './org.repository.ts';
import type { Db, OrgNodeRow } from './org.repository.ts';
import { insertOrgNode } from './org.service.ts';

/** A refused feature: its position in the file, its code when it has one, and why. */
export interface FeatureProblem {
  index: number;
  code?: string;
  reason: string;
}

export interface GridImportReport {
  created: number;
  updated: number;
  parentsCreated: { kind: OrgKind; code: string; name: string }[];
}

export interface GridImportOptions {
  /** The file's name: with no parent named anywhere, a community named after it is created. */
  fileName?: string;
  /** Code (or name) of the community for features that name none (`--community`). */
  community?: string;
  locale?: Locale;
  /** Who imports; `null` for the operator's CLI, who is trusted with the whole store. */
  actor: Actor | null;
}

const PARENT_KINDS = ['district', 'street', 'community', 'sector'] as const;
type ParentKind = (typeof PARENT_KINDS)[number];

interface CheckedFeature {
  index: number;
  code: string;
  name: string;
  geometry: AreaGeometry;
  parents: Partial<Record<ParentKind, string>>;
}

const text = {
  notCollection: { zh: '文件必须是 GeoJSON FeatureCollection', en: 'the file must be a GeoJSON FeatureCollection' },
  notFeature: { zh: '不是 GeoJSON Feature', en: 'not a GeoJSON Feature' },
  noName: { zh: '缺少 properties.name（网格名称）', en: 'properties.name (the grid name) is missing' },
  noCode: { zh: '缺少 properties.code（网格编码）', en: 'properties.code (the grid code) is missing' },
  badCode: { zh: 'properties.code 只能包含字母、数字和 -_.，最长 64 个字符', en: 'properties.code may hold letters, digits and -_. only, at most 64 characters' },
  duplicate: { zh: '编码与第 {n} 个要素重复', en: 'same code as feature {n}' },
  badParent: { zh: '上级名称必须是非空文本：', en: 'a parent must be non-empty text: ' },
  notGrid: { zh: '该编码已被一个非网格节点使用', en: 'this code already belongs to a node that is not a grid' },
} as const;

function t(key: keyof typeof text, locale: Locale): string {
  return locale === 'en' ? text[key].en : text[key].zh;
}

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Checks every feature of a FeatureCollection; returns the grids to write, or every problem found. */
export function checkGridFeatures(input: unknown, locale: Locale): { features: CheckedFeature[]; problems: FeatureProblem[] } {
  const fc = input as { type?: unknown; features?: unknown } | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { features: [], problems: [{ index: -1, reason: t('notCollection', locale) }] };
  }
  const features: CheckedFeature[] = [];
  const problems: FeatureProblem[] = [];
  const seen = new Map<string, number>();
  fc.features.forEach((f: any, index: number) => {
    if (!f || typeof f !== 'object' || f.type !== 'Feature') return problems.push({ index, reason: t('notFeature', locale) });
    const props = f.properties && typeof f.properties === 'object' ? f.properties : {};
    const code = typeof props.code === 'string' || typeof props.code === 'number' ? String(props.code).trim() : '';
    const name = typeof props.name === 'string' ? props.name.trim() : '';
    const reasons: string[] = [];
    if (!name) reasons.push(t('noName', locale));
    if (!code) reasons.push(t('noCode', locale));
    else if (!CODE_PATTERN.test(code)) reasons.push(t('badCode', locale));
    else if (seen.has(code)) reasons.push(t('duplicate', locale).replace('{n}', String(seen.get(code))));
    const parents: Partial<Record<ParentKind, string>> = {};
    for (const kind of PARENT_KINDS) {
      const v = props[kind];
      if (v === undefined || v === null) continue;
      if ((typeof v !== 'string' && typeof v !== 'number') || !String(v).trim()) reasons.push(t('badParent', locale) + kind);
      else parents[kind] = String(v).trim();
    }
    reasons.push(...validateAreaGeometry(f.geometry).map((p) => describeProblem(p, locale)));
    if (code && !seen.has(code)) seen.set(code, index);
    if (reasons.length) return problems.push({ index, ...(code ? { code } : {}), reason: reasons.join('; ') });
    features.push({ index, code, name, geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates }, parents });
  });
  return { features, problems };
}

/**
 * 导入网格: writes the grids of a FeatureCollection, creating missing parents. Runs inside the caller's
 * transaction and refuses the whole file (GEOJSON_INVALID, with each feature's index and reason) when
 * any feature is invalid, so nothing of a refused file is written. Re-importing a code updates that grid.
 */
export async function importGrids(db: Db, input: unknown, opts: GridImportOptions): Promise<GridImportReport> {
  const locale = opts.locale ?? 'zh-CN';
  const { features, problems } = checkGridFeatures(input, locale);
  if (problems.length) throw new AppError('GEOJSON_INVALID', { problems });

  const report: GridImportReport = { created: 0, updated: 0, parentsCreated: [] };
  const noParentAnywhere = !opts.community && features.every((f) => Object.keys(f.parents).length === 0);
  const fileCommunity = noParentAnywhere && opts.fileName ? basename(opts.fileName, extname(opts.fileName)) : null;
  const resolved = new Map<string, OrgNodeRow | null>();

  const resolve = async (kind: ParentKind, ref: string, above: OrgNodeRow | null): Promise<OrgNodeRow> => {
    const key = `${kind}|${ref}|${above?.id ?? ''}`;
    const cached = resolved.get(key);
    if (cached) return cached;
    let node = await repo.findNodeByKind(db, kind, ref);
    if (!node) {
      if (opts.actor) assertCan(opts.actor, 'org.manage', { path: above?.path ?? '/' });
      const code = CODE_PATTERN.test(ref) ? ref : `${kind.toUpperCase()}-${createHash('sha1').update(ref).digest('hex').slice(0, 8)}`;
      node = await insertOrgNode(db, { kind, code, name: ref }, above);
      report.parentsCreated.push({ kind, code, name: ref });
    }
    resolved.set(key, node);
    return node;
  };

  for (const f of features) {
    const refs = { ...f.parents };
    if (!refs.community && opts.community) refs.community = opts.community;
    if (!refs.community && fileCommunity) refs.community = fileCommunity;
    let parent: OrgNodeRow | null = null;
    for (const kind of PARENT_KINDS) {
      const ref = refs[kind];
      if (ref) parent = await resolve(kind, ref, parent);
    }
    if (opts.actor) assertCan(opts.actor, 'org.manage', { path: parent?.path ?? '/' });
    const existing = await repo.findNode(db, f.code);
    if (existing && existing.kind !== 'grid') throw new AppError('GEOJSON_INVALID', { problems: [{ index: f.index, code: f.code, reason: t('notGrid', locale) }] });
    if (!existing) {
      await insertOrgNode(db, { kind: 'grid', code: f.code, name: f.name, geometry: f.geometry }, parent);
      report.created++;
      continue;
    }
    if (opts.actor) assertCan(opts.actor, 'org.manage', { path: existing.path });
    const [lng, lat] = centroid(f.geometry);
    await repo.updateNode(db, existing.id, { name: f.name, geometry: JSON.stringify(f.geometry), centroid_lng: lng, centroid_lat: lat, updated_at: nowIso() });
    if (parent && existing.parent_id !== parent.id) await moveNode(db, existing, parent);
    report.updated++;
  }
  return report;
}

// Tables whose rows hang on the org tree by materialised path.
const PATH_TABLES = ['org_nodes', 'police_beats', 'compounds', 'households', 'residents', 'staff_assignments', 'account_roles'] as const;

/** Moves a node under a new parent, rewriting the path of everything below it. */
async function moveNode(db: Db, node: OrgNodeRow, parent: OrgNodeRow): Promise<void> {
  const oldPrefix = node.path;
  const newPrefix = `${parent.path}${node.id}/`;
  await db.updateTable('org_nodes').set({ parent_id: parent.id }).where('id', '=', node.id).execute();
  for (const table of PATH_TABLES) {
    await db
      .updateTable(table as 'org_nodes')
      .set({ path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
      .where('path', '>=', oldPrefix)
      .where('path', '<', repo.pathUpperBound(oldPrefix))
      .execute();
  }
}
