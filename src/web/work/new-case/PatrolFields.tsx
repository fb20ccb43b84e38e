import { Form, Input, Select, Switch } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';

/** 巡查上报: the patrol_report kind's own fields (kinds.ts). */
export function PatrolFields() {
  const t = useT(work);
  const checklists = [
    { value: 'fire', label: t('checklistFire') },
    { value: 'production', label: t('checklistProduction') },
    { value: 'food_drug', label: t('checklistFoodDrug') },
    { value: 'flood', label: t('checklistFlood') },
    { value: 'public_order', label: t('checklistPublicOrder') },
    { value: 'other', label: t('checklistOther') },
  ];
  return (
    <>
      <Form.Item name="checklist" label={t('checklist')}>
        <Select allowClear options={checklists} />
      </Form.Item>
      <Form.Item name="patrolRoute" label={t('patrolRoute')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="fixedOnSite" label={t('fixedOnSite')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
