import { Alert, Spin } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../shared/i18n/index.tsx';
import { common } from '../shared/messages.ts';
import { CategoryChart } from './CategoryChart.tsx';
import { Counters } from './Counters.tsx';
import { Header } from './Header.tsx';
import { KpiCards } from './KpiCards.tsx';
import { LoadMap } from './LoadMap.tsx';
import { screen } from './messages.ts';
import { Panel } from './Panel.tsx';
import { Ranking } from './Ranking.tsx';
import { Ticker } from './Ticker.tsx';
import { TrendChart } from './TrendChart.tsx';
import type { PeriodKind } from './types.ts';
import { useScreenData } from './useScreenData.ts';

const PERIODS: PeriodKind[] = ['day', 'week', 'month', 'year'];

/**
 * The command screen: figures on the left, the map and the trend in the middle, rankings and the newest
 * cases on the right. The node and period live in the address (`/screen?node=CSK&period=week`), so a
 * wall display can be pointed at one community.
 */
export function Screen() {
  const t = useT(screen);
  const c = useT(common);
  const [params, setParams] = useSearchParams();
  const node = params.get('node') ?? undefined;
  const period = PERIODS.find((p) => p === params.get('period')) ?? 'month';
  const { data, error, updatedAt, newestId, connected } = useScreenData(node, period);
  const set = (key: string, value: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.set(key, value);
    return next;
  });

  return (
    <div className="sc-root">
      <Header data={data} node={node} period={period} connected={connected} onNode={(v) => set('node', v)} onPeriod={(v) => set('period', v)} />
      <main className="sc-body">
        {error && <Alert className="sc-error" type="error" showIcon title={error} role="alert" />}
        {!data ? (
          !error && <Spin size="large" className="sc-loading" description={c('loading')} />
        ) : (
          <>
            <div className="sc-col">
              <Panel title={t('kpis')} className="sc-panel-kpis">
                <KpiCards figures={data.figures} />
              </Panel>
              <Panel title={t('categories')} className="sc-grow">
                <CategoryChart categories={data.categories} height="100%" />
              </Panel>
            </div>
            <div className="sc-col">
              <Counters data={data} />
              <Panel
                title={t('map')}
                className="sc-grow"
                extra={updatedAt && <span className="sc-updated">{t('updatedAt', { time: updatedAt.toLocaleTimeString('zh-CN', { hour12: false }) })}</span>}
              >
                <LoadMap data={data} newestId={newestId} />
              </Panel>
              <Panel title={t('trend')} className="sc-panel-trend">
                <TrendChart trend={data.trend} height="100%" />
              </Panel>
            </div>
            <div className="sc-col">
              <Panel title={t('ranking')} className="sc-half">
                <Ranking data={data} />
              </Panel>
              <Panel title={t('latest')} className="sc-half">
                <Ticker cases={data.latest} newestId={newestId} />
              </Panel>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
