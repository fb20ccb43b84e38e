import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import { queryString } from '../../shared/api.ts';
import { percent } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useAdminData } from '../AdminData.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { m } from '../messages.ts';
import type { Figure, FiguresResult } from '../types.ts';
import { useApi } from '../useApi.ts';
import { FigureCasesDrawer } from './FigureCasesDrawer.tsx';
import { type PeriodChoice, periodQuery } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

// ECharts is large: the table shows at once, the chart follows in its own chunk.
const FiguresChart = lazy(() => import('./FiguresChart.tsx'));

/** 数据指标: the KPI table for an org node and period, each figure opening to its cases; Excel export. */
export function FiguresPage() {
  const t = useT(m);
  const { scope } = useAdminData();
  const [node, setNode] = useState<string | undefined>();
  const [period, setPeriod] = useState<PeriodChoice>({ kind: 'month', at: dayjs(), range: [dayjs().startOf('month'), dayjs()] });
  const [drill, setDrill] = useState<Figure | null>(null);
  useEffect(() => {
    if (!node && scope[0]) setNode(scope[0].code);
  }, [scope, node]);
  const pq = periodQuery(period);
  const query = node && pq ? { node, ...pq } : null;
  const result = useApi<FiguresResult>(query ? '/api/v1/metrics/figures' : null, query ?? undefined);
  const r = result.data;

  const format = (f: Figure) => (f.value === null ? t('noValue') : f.unit === 'rate' ? percent(f.value) : f.unit === 'hours' ? t('hoursUnit', { n: f.value }) : String(f.value));
  const chartLabel = r ? `${t('rateChart')}：${r.figures.filter((f) => f.unit === 'rate').map((f) => `${f.label} ${format(f)}`).join('，')}` : '';

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('figuresTitle')}
        </Typography.Title>
        <Button icon={<DownloadOutlined aria-hidden />} href={query ? `/api/v1/ledgers/figures.xlsx${queryString(query)}` : undefined} disabled={!query} download>
          {t('exportExcel')}
        </Button>
      </Flex>
      <Card>
        <Flex gap={16} wrap align="center">
          <div style={{ width: 260 }}>
            <NodePicker ariaLabel={t('figureNode')} placeholder={t('figureNode')} value={node} onChange={setNode} allowClear={false} />
          </div>
          <PeriodPicker value={period} onChange={setPeriod} />
          {r && <Typography.Text type="secondary">{t('periodShown', { node: r.node.name, from: r.period.from, to: r.period.to })}</Typography.Text>}
        </Flex>
      </Card>
      {result.error && <Alert type="error" showIcon title={result.error} role="alert" />}
      {!query && <Alert type="info" showIcon title={t('pickNodeFirst')} />}
      <Row gutter={16}>
        <Col span={15}>
          <Card>
            <Table<Figure>
              rowKey="code"
              size="middle"
              loading={result.loading}
              dataSource={r?.figures ?? []}
              pagination={false}
              columns={[
                { key: 'label', title: t('figureName'), width: 150, render: (_, f) => <Typography.Text strong>{f.label}</Typography.Text> },
                {
                  key: 'value',
                  title: t('figureValue'),
                  width: 140,
                  align: 'right',
                  render: (_, f) => (
                    <Button type="link" onClick={() => setDrill(f)} aria-label={`${f.label} ${format(f)}，${t('figureCases')}`} style={{ paddingInline: 0, fontSize: 16 }}>
                      {format(f)}
                    </Button>
                  ),
                },
                { key: 'formula', title: t('figureFormula'), render: (_, f) => <Typography.Text type="secondary">{f.formula}</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
        <Col span={9}>
          <Card title={t('rateChart')}>
            {r ? (
              <Suspense fallback={<Skeleton active />}>
                <FiguresChart figures={r.figures} ariaLabel={chartLabel} />
              </Suspense>
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
      <FigureCasesDrawer figure={drill} onClose={() => setDrill(null)} />
    </Flex>
  );
}
