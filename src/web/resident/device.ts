import type { Place } from './types.ts';

/**
 * What this phone remembers for the resident: the cases it reported anonymously (with the secret that lets
 * it read them again), the last place used, and the elderly-friendly mode.
 */

export interface LocalCase {
  id: string;
  number: string;
  token: string;
  reportedAt: string;
}

const CASES_KEY = 'lx.resident.cases';
const PLACE_KEY = 'lx.resident.place';
export const ELDER_KEY = 'lx.resident.elder';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function localCases(): LocalCase[] {
  const list = read<LocalCase[]>(CASES_KEY, []);
  return Array.isArray(list) ? list.filter((c) => c && typeof c.id === 'string' && typeof c.token === 'string') : [];
}

export function rememberCase(c: LocalCase): void {
  localStorage.setItem(CASES_KEY, JSON.stringify([c, ...localCases().filter((x) => x.id !== c.id)]));
}

export function forgetCases(ids: string[]): void {
  localStorage.setItem(CASES_KEY, JSON.stringify(localCases().filter((x) => !ids.includes(x.id))));
}

/** The secret that lets this phone read, rate or reopen a case it reported without an account. */
export function reportTokenFor(caseId: string): string | undefined {
  return localCases().find((c) => c.id === caseId || c.number === caseId)?.token;
}

export function lastPlace(): Place | null {
  const p = read<Place | null>(PLACE_KEY, null);
  return p && typeof p.lng === 'number' && typeof p.lat === 'number' ? { ...p, source: 'saved' } : null;
}

export function rememberPlace(p: Place): void {
  localStorage.setItem(PLACE_KEY, JSON.stringify(p));
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 48 random bytes as 64 URL-safe characters: the anonymous reporter's secret for one case. */
export function newReportToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(48)));
}

/** A version 4 UUID from getRandomValues, which (unlike randomUUID) also works on a plain-HTTP intranet. */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The headers that let this phone act on a case it reported anonymously. */
export function tokenHeaders(caseId: string): Record<string, string> | undefined {
  const token = reportTokenFor(caseId);
  return token ? { 'X-Report-Token': token } : undefined;
}
