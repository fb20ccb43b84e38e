import { DatePicker, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../shared/api.ts';
import { ACTIVITY_KINDS, type Activity } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { FormDialog } from '../FormDialog.tsx';
import type { Page } from '../types.ts';
import { useApi } from '../useApi.ts';
import { useCommunityOptions } from '../volunteers/parts.tsx';
import type { Team } from '../volunteers/types.ts';
import { type ActivitiesKey, am } from './messages.ts';
import { toInstant, toWallClock } from './wall-clock.ts';

interface Values {
  community: string;
  title: string;
  kind: string;
  description?: string;
  address: string;
  time: [Dayjs, Dayjs];
  capacity?: number | null;
  closes?: Dayjs | null;
  team?: string | null;
  earnsPoints: boolean;
}

/** 新建活动 / 编辑: a draft in a community the office runs; the times are the community's local time. */
export function ActivityModal({ activity, onClose, onDone }: { activity: Activity | null; onClose: () => void; onDone: (a: Activity) => void }) {
  const t = useT(am);
  const communities = useCommunityOptions();
  const [form] = Form.useForm<Values>();
  const community = Form.useWatch('community', form) ?? activity?.community.code;
  const teams = useApi<Page<Team>>(community ? '/api/v1/teams' : null, { node: community, pageSize: 200 });
  return (
    <FormDialog<Values, Activity>
      form={form}
      title={activity ? t('editActivity') : t('addActivity')}
      doneText={t('saved')}
      width={680}
      initialValues={
        activity
          ? {
              community: activity.community.code,
              title: activity.title,
              kind: activity.kind,
              description: activity.description ?? undefined,
              address: activity.address,
              time: [toWallClock(activity.startsAt), toWallClock(activity.endsAt)],
              capacity: activity.capacity,
              closes: activity.signUpClosesAt ? toWallClock(activity.signUpClosesAt) : null,
              earnsPoints: activity.earnsPoints,
            }
          : { community: communities.length === 1 ? communities[0]!.value : undefined, kind: 'class', earnsPoints: true }
      }
      submit={(v) => {
        const body = {
          title: v.title.trim(),
          kind: v.kind,
          description: v.description?.trim() || null,
          address: v.address.trim(),
          startsAt: toInstant(v.time[0]),
          endsAt: toInstant(v.time[1]),
          capacity: v.capacity ?? null,
          signUpClosesAt: v.closes ? toInstant(v.closes) : null,
          earnsPoints: v.earnsPoints,
          // An untouched picker keeps the organising team; a cleared one removes it.
          ...(form.isFieldTouched('team') ? { team: v.team ?? null } : {}),
        };
        return activity
          ? api<Activity>(`/api/v1/activities/${encodeURIComponent(activity.id)}`, { method: 'PATCH', body })
          : api<Activity>('/api/v1/activities', { method: 'POST', body: { ...body, community: v.community } });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Flex gap={12}>
        <Form.Item name="community" label={t('community')} rules={[{ required: true, message: t('communityRequired') }]} style={{ width: 200 }}>
          <Select aria-label={t('community')} options={communities} disabled={!!activity} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('kindRequired') }]} style={{ width: 160 }}>
          <Select aria-label={t('kind')} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as ActivitiesKey) }))} />
        </Form.Item>
        <Form.Item name="team" label={t('team')} style={{ flex: 1 }}>
          <Select aria-label={t('team')} allowClear placeholder={activity?.organiser.team?.name} options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('activityTitle')} rules={[{ required: true, whitespace: true, message: t('titleRequired') }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="address" label={t('address')} rules={[{ required: true, whitespace: true, message: t('addressRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="time" label={t('time')} rules={[{ required: true, message: t('timeRequired') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" aria-label={t('time')} style={{ width: '100%' }} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="capacity" label={t('capacity')} extra={t('capacityHint')} style={{ width: 200 }}>
          <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closes" label={t('signUpCloses')} extra={t('signUpClosesHint')} style={{ flex: 1 }}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" aria-label={t('signUpCloses')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="earnsPoints" label={t('earnsPoints')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
