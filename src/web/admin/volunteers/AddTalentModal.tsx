import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { api } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { vm } from './messages.ts';
import { WeeklyHoursField, levelOptions, skillOptions, slotsFromForm, useTaxonomy } from './parts.tsx';

interface Values {
  name: string;
  phone: string;
  node: string;
  skills: { skill: string; level: number }[];
  availability?: Parameters<typeof slotsFromForm>[0];
  note?: string;
}

/**
 * 网格摸排: a grid worker records someone with a skill found in their grid; or (双报到) the office registers an
 * in-service party member of a partner unit. Either way they wait to be confirmed.
 */
export function AddTalentModal({ partnerUnit, onClose, onDone }: { partnerUnit?: { id: string; name: string }; onClose: () => void; onDone: () => void }) {
  const t = useT(vm);
  const taxonomy = useTaxonomy();
  return (
    <FormDialog<Values>
      title={partnerUnit ? t('addInServiceTitle', { unit: partnerUnit.name }) : t('addTalentTitle')}
      doneText={t('addTalentDone')}
      width={680}
      initialValues={{ skills: [{ skill: undefined as unknown as string, level: 1 }] }}
      submit={(v) =>
        api('/api/v1/talents', {
          method: 'POST',
          body: { ...(partnerUnit ? { origin: 'in_service', partnerUnit: partnerUnit.id } : { origin: 'survey' }), name: v.name.trim(), phone: v.phone.trim(), node: v.node, skills: v.skills, availability: slotsFromForm(v.availability), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Flex gap={12}>
        <Form.Item name="name" label={t('colName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('phoneRequired') }]} style={{ flex: 1 }}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Flex>
      <Form.Item name="node" label={t('grid')} rules={[{ required: true, message: t('gridRequired') }]}>
        <NodePicker ariaLabel={t('grid')} />
      </Form.Item>
      <Form.Item label={t('skillsSection')} required>
        <Form.List name="skills">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'skill']} rules={[{ required: true, message: t('skillRequired') }]} style={{ flex: 1 }}>
                    <Select aria-label={t('skill')} placeholder={t('skill')} showSearch={{ optionFilterProp: 'label' }} options={skillOptions(taxonomy)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'level']} rules={[{ required: true }]}>
                    <Select aria-label={t('level')} style={{ width: 120 }} options={levelOptions(taxonomy)} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" size="small" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('removeSkill')} onClick={() => remove(f.name)} />}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ level: 1 })}>
                {t('addSkill')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <WeeklyHoursField name="availability" label={t('availability')} />
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
