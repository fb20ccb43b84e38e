import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { PeriodQuery } from './metrics.routes.ts';
import { LATEST_CASES, MAP_CASES, TREND_DAYS, screenFor } from './screen-service.ts';

export function screenRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/metrics/screen', {
    schema: {
      tags: ['metrics'],
      summary: 'Everything the command screen (指挥大屏) shows, in one read',
      description:
        'For an org node (default: the highest node the caller reads cases at) and period (default: this month): the figures and counters as `GET /api/v1/metrics/figures` gives them; ' +
        `cases received, resolved and overdue per day for the ${TREND_DAYS} days ending with the period (or today); cases received per major category; ` +
        'each community and grid under the node with its figures for the period and its open and overdue cases now; the open cases now (newest ' +
        `${MAP_CASES}, for the map) and the newest ${LATEST_CASES} cases. A node outside the caller's reach answers 404.`,
      querystring: Type.Object(
        {
          node: Type.Optional(PeriodQuery.node),
          period: PeriodQuery.period,
          date: PeriodQuery.date,
          from: PeriodQuery.from,
          to: PeriodQuery.to,
        },
        { additionalProperties: false },
      ),
    },
  }, async (request) => screenFor(ctx, request.actor, request.query, requestLocale(request)));
}
