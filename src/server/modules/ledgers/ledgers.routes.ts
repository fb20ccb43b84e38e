import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { CaseListQuery } from '../cases/cases.schemas.ts';
import { PeriodQuery } from '../metrics/metrics.routes.ts';
import { writeCaseLedger } from './case-ledger.ts';
import { XLSX_TYPE, attachment } from './excel.ts';
import { figuresWorkbook } from './figures-ledger.ts';
import { figuresForLedger, planCaseLedger } from './ledgers.service.ts';

// The case list's own filters, so the file holds exactly what the list shows (paging aside).
const CaseLedgerQuery = Type.Omit(CaseListQuery, ['page', 'pageSize']);

const FiguresLedgerQuery = Type.Object(
  { ...PeriodQuery, by: Type.Optional(Type.Union([Type.Literal('category'), Type.Literal('channel'), Type.Literal('kind')], { description: 'Adds a sheet breaking every figure down by this' })) },
  { additionalProperties: false },
);

const XlsxFile = { 200: { description: 'An .xlsx workbook (Content-Disposition names it)', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } } };

export function ledgerRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx.database;

  app.get('/api/v1/ledgers/cases.xlsx', {
    schema: {
      tags: ['ledgers'],
      summary: '案件台账 Case ledger (Excel)',
      description:
        'The cases the caller may see, with the same filters and scope as GET /api/v1/cases (org node, state or family, category, kind, channel, overdue, waiting for review, mine, `q`, reporting days `from`/`to`), ' +
        'one row per case in reporting order: 案件编号, 类型, 来源渠道, 性质, 大类, 小类, 等级, 状态, 标题, 问题描述, 地址, 网格, 社区, 处置层级, 处理人, 上报时间, 响应时限, 办结时限, 签收时间, 办结时间, 结案时间, 是否超期, 返工次数, 反映人数, 办理结果 ' +
        '(English headers and labels with Accept-Language: en). Times are 北京时间, `yyyy-mm-dd hh:mm`. ' +
        'For privacy the ledger carries no reporter names or phone numbers, and phone and ID numbers typed into the text are masked. ' +
        'Streamed as it is read, a thousand cases at a time, so any number of cases can be exported. Staff only: 401 when signed out, 403 for residents and API clients, 404 for a node outside the caller\'s scope.',
      querystring: CaseLedgerQuery,
      response: XlsxFile,
    },
  }, async (request, reply) => {
    const locale = requestLocale(request);
    const plan = await planCaseLedger(ctx, request.actor, request.query, locale);
    const out = new PassThrough();
    // Errors after the first bytes cannot become an error reply: the download is cut short (and logged).
    writeCaseLedger(db, plan.filter, out, { locale }).catch((err) => out.destroy(err));
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(plan.fileName, plan.asciiFileName)).header('cache-control', 'no-store').send(out);
  });

  app.get('/api/v1/ledgers/figures.xlsx', {
    schema: {
      tags: ['ledgers'],
      summary: '考核指标表 Figures table (Excel)',
      description:
        'The figures of GET /api/v1/metrics/figures for an org node and period as a workbook: a title row naming the node and period, then one row per figure with 指标, 数值 and 计算口径 ' +
        '(rates as percentages with two decimals, handling time in hours). With `by=category|channel|kind` a second sheet breaks every figure down, one row per key and one column per figure. ' +
        'Staff only: 401 when signed out, 403 for residents and API clients, 404 for a node outside the caller\'s scope.',
      querystring: FiguresLedgerQuery,
      response: XlsxFile,
    },
  }, async (request, reply) => {
    const locale = requestLocale(request);
    const { result, fileName, asciiFileName } = await figuresForLedger(ctx, request.actor, request.query, locale);
    const file = await figuresWorkbook(result, request.query.by, locale);
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(fileName, asciiFileName)).header('cache-control', 'no-store').send(file);
  });
}
