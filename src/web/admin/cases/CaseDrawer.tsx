import { Alert, Card, Drawer, Flex, Image, Skeleton, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { CaseActions } from '../actions/CaseActions.tsx';
import { useCaseChanges } from '../live.tsx';
import { m } from '../messages.ts';
import type { CaseDetail } from '../types.ts';
import { useApi } from '../useApi.ts';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseMap } from './CaseMap.tsx';
import { CaseFlags, StateTag } from './CaseTags.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { useOpenCase } from './useOpenCase.ts';

/** The case named in the address, over whatever page is open: its actions, record, place, photos and timeline. */
export function CaseDrawer() {
  const { current, close } = useOpenCase();
  return (
    <Drawer open={!!current} onClose={close} size={880} destroyOnHidden title={current} styles={{ body: { paddingTop: 16 } }}>
      {current && <CaseBody caseRef={current} />}
    </Drawer>
  );
}

function CaseBody({ caseRef }: { caseRef: string }) {
  const t = useT(m);
  const detail = useApi<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseRef)}`);
  useCaseChanges((e) => {
    if (e.number === caseRef || e.id === detail.data?.case.id) detail.reload();
  });
  if (detail.error) return <Alert type="error" showIcon title={detail.error} role="alert" />;
  if (!detail.data) return <Skeleton active />;
  const { case: c, timeline, photos } = detail.data;
  return (
    <Flex vertical gap={16}>
      <Space size={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {c.title}
        </Typography.Title>
        <StateTag c={c} />
        <CaseFlags c={c} />
      </Space>
      <Card size="small" title={t('sectionActions')}>
        <CaseActions c={c} photos={photos} onDone={detail.reload} />
      </Card>
      <CaseFacts c={c} />
      <Flex gap={16} align="flex-start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <CaseMap c={c} />
        </div>
        {photos.length > 0 && (
          <Card size="small" title={t('sectionPhotos')} style={{ width: 280 }}>
            <Image.PreviewGroup>
              <Flex wrap gap={8}>
                {photos.map((p, i) => (
                  <Image key={p.id} src={p.thumbnailUrl} preview={{ src: p.url }} alt={t('photoAlt', { n: i + 1 })} width={76} height={76} style={{ objectFit: 'cover', borderRadius: 4 }} />
                ))}
              </Flex>
            </Image.PreviewGroup>
          </Card>
        )}
      </Flex>
      <Card size="small" title={t('sectionTimeline')}>
        <CaseTimeline events={timeline} />
      </Card>
    </Flex>
  );
}
