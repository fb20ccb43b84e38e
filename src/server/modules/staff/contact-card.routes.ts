import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { AppError, errorMessage } from '../../http/errors.ts';
import { renderContactCard } from './contact-card.ts';
import { loadGridCard } from './grid-card.ts';
import { renderGridNotFoundPage, renderGridPage } from './grid-page.ts';
import { publicLocale } from './public-messages.ts';
import * as schemas from './staff.schemas.ts';

/** The public face of a grid: its printable contact card (便民联系卡) and the page its QR code opens. */
export function contactCardRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/grids/:id/contact-card', {
    schema: {
      tags: ['staff'],
      summary: "A grid's contact card (便民联系卡)",
      description:
        'Public. A printable A6 SVG (105 × 148 mm) with the grid\'s staff and police officers, their roles and work phones, ' +
        'and a QR code opening the grid\'s public page. zh-CN unless `?lang=en` or `Accept-Language: en`.',
      params: schemas.GridRefParams,
      querystring: schemas.ContactCardQuery,
      response: { 200: { description: 'The card, A6 SVG', content: { 'image/svg+xml': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const locale = publicLocale(request, request.query.lang);
    const card = await loadGridCard(db, ctx.geo, request.params.id, ctx.config.publicUrl, locale);
    const svg = await renderContactCard(card, locale);
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-disposition', `inline; filename="contact-card-${encodeURIComponent(card.grid.code)}.svg"`)
      .send(svg);
  });

  app.get('/grid/:code', {
    schema: {
      tags: ['staff'],
      summary: "A grid's public page (网格主页)",
      description:
        'Public HTML page the contact card\'s QR code opens: the grid, its community, and its contacts with tap-to-call links. ' +
        'zh-CN unless `?lang=en` or `Accept-Language: en`.',
      params: schemas.GridCodeParams,
      querystring: schemas.GridPageQuery,
      response: {
        200: { description: 'The page, HTML in zh-CN or English', content: { 'text/html': { schema: Type.String() } } },
        404: { description: 'No such grid: a small HTML page saying so', content: { 'text/html': { schema: Type.String() } } },
      },
    },
  }, async (request, reply) => {
    const locale = publicLocale(request, request.query.lang);
    try {
      const card = await loadGridCard(db, ctx.geo, request.params.code, ctx.config.publicUrl, locale);
      return reply.type('text/html; charset=utf-8').send(renderGridPage(card, locale));
    } catch (error) {
      // A resident scanning an old card gets a page, not JSON.
      if (!(error instanceof AppError) || error.code !== 'GRID_NOT_FOUND') throw error;
      return reply.status(404).type('text/html; charset=utf-8').send(renderGridNotFoundPage(errorMessage('GRID_NOT_FOUND', locale), locale));
    }
  });
}
