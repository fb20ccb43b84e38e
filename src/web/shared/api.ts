/**
 * The one way the web app talks to the server. Errors come back as `ApiError` carrying the server's own
 * message, already in the user's language (the server reads Accept-Language), so pages show it as is.
 */
let locale = 'zh-CN';
export function setApiLocale(l: string): void {
  locale = l;
}
export function apiLocale(): string {
  return locale;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null | Array<string | number>>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function queryString(query?: RequestOptions['query']): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = await res.json();
    if (body?.error) return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  } catch {
    /* not JSON: fall through */
  }
  const fallback = locale === 'en' ? `The server answered ${res.status}` : `服务器返回错误 ${res.status}`;
  return new ApiError(res.status, 'HTTP_' + res.status, fallback);
}

export async function api<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': locale, ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path + queryString(opts.query), { method: opts.method ?? 'GET', headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', locale === 'en' ? 'No connection to the server. Please try again.' : '无法连接服务器，请稍后再试。');
  }
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export interface PhotoUpload {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  suggestedLocation: { lng: number; lat: number } | null;
  takenAt: string | null;
}

/** Uploads one photo; the server reads the format from its bytes and answers its id and any location found. */
export async function uploadPhoto(file: Blob): Promise<PhotoUpload> {
  const headers: Record<string, string> = { 'Accept-Language': locale, 'Content-Type': file.type || 'application/octet-stream' };
  const res = await fetch('/api/v1/photos', { method: 'POST', headers, body: file, credentials: 'same-origin' });
  if (!res.ok) throw await errorFrom(res);
  return res.json();
}
