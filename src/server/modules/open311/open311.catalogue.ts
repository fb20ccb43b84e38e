import type { TSchema } from '@sinclair/typebox';
import type { Locale } from '../../http/errors.ts';
import { caseKind } from '../cases/kinds.ts';
import { type Category, CATEGORIES, category as findCategory, NATURES } from '../cases/taxonomy.ts';

/**
 * The taxonomy seen as GeoReport services: each minor category is a service (its code the service_code),
 * filed as a case of one kind. The service definition lists the attributes a client may send: the nature
 * of the request (诉求性质) for every service, then the fields of the service's case kind, read from the
 * kind's own schema, so a kind that declares fields exposes them here without code in this module.
 */

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Attribute {
  code: string;
  datatype: Datatype;
  required: boolean;
  order: number;
  zh: string;
  en: string;
  /** A hint on the expected input, or null. */
  hintZh: string | null;
  hintEn: string | null;
  values: { key: string; zh: string; en: string }[];
  /** Where a posted value goes: the case's nature, or a field of the kind's data. */
  target: 'nature' | 'data';
}

// Every category is filed as a resident demand for now; a major whose problems need their own fields (a
// dispute's parties, say) maps here to a kind that declares them and accepts the `open311` channel.
const KIND_OF_MAJOR: Record<string, string> = {};

/** The case kind a service's requests are filed as. */
export function kindOfService(c: Category): string {
  return KIND_OF_MAJOR[c.major] ?? 'demand';
}

/** The category behind a service_code, if the code names one. */
export function serviceCategory(serviceCode: string): Category | undefined {
  return findCategory(serviceCode);
}

/** Every category offered as a service, in taxonomy order. */
export function allServiceCategories(): Category[] {
  return CATEGORIES;
}

const NATURE_ATTRIBUTE: Attribute = {
  code: 'nature',
  datatype: 'singlevaluelist',
  required: false,
  order: 1,
  zh: '诉求性质：咨询、求助、投诉、举报、建议、表扬或其他',
  en: 'Nature of the request: enquiry, request for help, complaint, report of wrongdoing, suggestion, praise or other',
  hintZh: '不填时按“求助”受理',
  hintEn: 'Taken as "request for help" when not given',
  values: NATURES.map((n) => ({ key: n.code, zh: n.zh, en: n.en })),
  target: 'nature',
};

/** An attribute for one field of a kind's data schema (TypeBox / JSON Schema), or null for shapes we cannot offer. */
function fieldAttribute(code: string, schema: TSchema, required: boolean, order: number): Attribute | null {
  const s = schema as Record<string, any>;
  const text = typeof s.description === 'string' ? s.description : code;
  const base = { code, required, order, zh: text, en: text, hintZh: null, hintEn: null, values: [] as Attribute['values'], target: 'data' as const };
  const literals = (list: unknown): string[] | null =>
    Array.isArray(list) && list.every((v: any) => v && (typeof v.const === 'string' || typeof v.const === 'number')) ? list.map((v: any) => String(v.const)) : null;
  const listed = literals(s.anyOf);
  if (listed) return { ...base, datatype: 'singlevaluelist', values: listed.map((k) => ({ key: k, zh: k, en: k })) };
  if (s.type === 'boolean') return { ...base, datatype: 'singlevaluelist', values: [{ key: 'true', zh: '是', en: 'yes' }, { key: 'false', zh: '否', en: 'no' }] };
  if (s.type === 'array') {
    const items = literals(s.items?.anyOf);
    return items ? { ...base, datatype: 'multivaluelist', values: items.map((k) => ({ key: k, zh: k, en: k })) } : null;
  }
  if (s.type === 'number' || s.type === 'integer') return { ...base, datatype: 'number' };
  if (s.type === 'string') {
    if (s.format === 'date-time' || s.format === 'date') return { ...base, datatype: 'datetime' };
    return { ...base, datatype: typeof s.maxLength === 'number' && s.maxLength <= 200 ? 'string' : 'text' };
  }
  return null;
}

/** The attributes of a service, in the order a form shows them. */
export function serviceAttributes(c: Category): Attribute[] {
  const kind = caseKind(kindOfService(c));
  const schema = (kind?.dataSchema ?? {}) as Record<string, any>;
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  const fields = Object.entries((schema.properties ?? {}) as Record<string, TSchema>)
    .map(([code, s], i) => fieldAttribute(code, s, required.has(code), i + 2))
    .filter((a): a is Attribute => a !== null);
  return [NATURE_ATTRIBUTE, ...fields];
}

/**
 * Whether a client should read the service definition before filing: the kind has fields of its own.
 * The nature alone does not count: it is optional and has a default.
 */
export function hasMetadata(c: Category): boolean {
  return serviceAttributes(c).some((a) => a.target === 'data');
}

const TIER_ZH = { 1: '一般在网格内解决', 2: '一般由社区协调解决', 3: '一般由街道或职能部门办理' } as const;
const TIER_EN = { 1: 'usually solved within the grid', 2: 'usually solved by the community', 3: 'usually handled by the street office or a department' } as const;

/** What happens to a request of this category, from its time limits: the service_notice. */
export function serviceNotice(c: Category, locale: Locale): string {
  if (locale === 'en') {
    const resolve = c.resolveHours ? `${c.resolveHours} hours` : `${c.resolveWorkdays} working day${c.resolveWorkdays === 1 ? '' : 's'}`;
    return `${c.urgent ? 'Urgent. ' : ''}We contact the reporter within ${c.respondHours} hours and resolve it within ${resolve}; ${TIER_EN[c.tier]}.`;
  }
  const resolve = c.resolveHours ? `${c.resolveHours} 小时` : `${c.resolveWorkdays} 个工作日`;
  return `${c.urgent ? '紧急事项。' : ''}按规定 ${c.respondHours} 小时内响应、${resolve}内办结，${TIER_ZH[c.tier]}。`;
}

/** One entry of GET services, fields in the spec's order. */
export function serviceView(c: Category, locale: Locale) {
  const en = locale === 'en';
  return {
    service_code: c.code,
    service_name: en ? c.en : c.zh,
    description: en ? `${c.majorEn}: ${c.en}. ${serviceNotice(c, locale)}` : `${c.majorZh}类：${c.zh}。${serviceNotice(c, locale)}`,
    metadata: hasMetadata(c),
    type: 'realtime' as const,
    // Synonyms in both languages, so a client searching in either finds the service.
    keywords: [c.zh, c.en, c.majorZh, c.majorEn].join(', '),
    group: en ? c.majorEn : c.majorZh,
  };
}

/** GET services/{service_code}: the service definition. */
export function serviceDefinitionView(c: Category, locale: Locale) {
  const en = locale === 'en';
  return {
    service_code: c.code,
    attributes: serviceAttributes(c).map((a) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: en ? a.hintEn : a.hintZh,
      order: a.order,
      description: en ? a.en : a.zh,
      values: a.values.map((v) => ({ key: v.key, name: en ? v.en : v.zh })),
    })),
  };
}
