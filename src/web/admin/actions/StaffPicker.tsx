import { Select } from 'antd';
import { useMemo } from 'react';
import { useAdminData } from '../AdminData.tsx';

/** A staff member in scope, labelled with their roles and where they hold them. */
export function StaffPicker({ value, onChange, id, ariaLabel, placeholder }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; ariaLabel?: string; placeholder?: string }) {
  const { staff } = useAdminData();
  const options = useMemo(
    () =>
      staff
        .filter((s) => s.assignments.length > 0)
        .map((s) => ({ value: s.id, label: `${s.name}（${s.assignments.map((a) => `${a.nodeName} ${a.roleLabel}`).join('、')}）` })),
    [staff],
  );
  return <Select id={id} aria-label={ariaLabel} value={value} onChange={onChange} options={options} showSearch={{ optionFilterProp: 'label' }} allowClear placeholder={placeholder} style={{ width: '100%' }} />;
}
