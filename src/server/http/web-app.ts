import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../context.ts';
import { requestLocale } from './locale.ts';
import { sendRouteNotFound } from './error-handler.ts';

/** Each area of the web app is its own page; any deeper path in an area is that page's client-side route. */
const AREAS = [
  { prefix: '/work', page: 'work/index.html' },
  { prefix: '/admin', page: 'admin/index.html' },
  { prefix: '/screen', page: 'screen/index.html' },
  // Points and merchants (M7): the merchant's phone page.
  { prefix: '/merchant', page: 'merchant/index.html' },
] as const;
const RESIDENT_PAGE = 'index.html';

/** Paths the server owns; an unknown one there is an API 404, never the web page. */
const SERVER_PREFIXES = ['/api/', '/open311/', '/grid/'];

export function pageFor(url: string): string | null {
  const path = url.split('?')[0]!;
  if (SERVER_PREFIXES.some((p) => path.startsWith(p))) return null;
  // A path with a file extension is an asset that does not exist, not a page.
  if (/\.[a-z0-9]+$/i.test(path)) return null;
  return AREAS.find((a) => path === a.prefix || path.startsWith(a.prefix + '/'))?.page ?? RESIDENT_PAGE;
}

/**
 * Serves the built web app beside the API: hashed assets cached for a year, pages never cached (so a new
 * release reaches phones at once), and each area's client-side routes answered with its page.
 */
export async function installWebApp(app: App, ctx: AppContext): Promise<void> {
  const { webDir, mapTileUrl, mapTileAttribution, timeZone } = ctx.config;

  app.get('/api/v1/web-config', {
    schema: {
      tags: ['system'],
      summary: 'Settings for the web app',
      description: 'The map tile URL if the deployment has a tile server (none by default: grids are drawn on a plain background), the centre of the grids, and the time zone.',
      response: {
        200: Type.Object({
          tileUrl: Type.Union([Type.String(), Type.Null()]),
          tileAttribution: Type.Union([Type.String(), Type.Null()]),
          center: Type.Union([Type.Object({ lng: Type.Number(), lat: Type.Number() }), Type.Null()]),
          timeZone: Type.String(),
        }),
      },
    },
  }, async () => ({
    tileUrl: mapTileUrl || null,
    tileAttribution: mapTileAttribution || null,
    center: ctx.geo.center(),
    timeZone,
  }));

  const built = existsSync(join(webDir, RESIDENT_PAGE));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      // One route per built file, so a path under another prefix (Open311) still reaches that prefix's not-found handler.
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', path.includes(`${join(webDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Folders have no index route (`index: false`), so the resident page at the root is served here.
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile(RESIDENT_PAGE));
  }

  app.setNotFoundHandler((request, reply) => {
    const page = request.method === 'GET' || request.method === 'HEAD' ? pageFor(request.url) : null;
    if (page === null) return sendRouteNotFound(request, reply);
    if (!built) {
      const zh = requestLocale(request) !== 'en';
      return reply.status(503).type('text/plain; charset=utf-8').send(zh ? '网页端尚未构建：请运行 npm run build:web（npm start 会自动构建）。API 可正常使用：/api/docs' : 'The web app is not built: run npm run build:web (npm start builds it). The API works: /api/docs');
    }
    return reply.header('Cache-Control', 'no-cache').sendFile(page);
  });
}
