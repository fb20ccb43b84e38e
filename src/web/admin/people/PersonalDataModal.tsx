import { Alert, Descriptions, Modal, Skeleton, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { PersonalData, Resident } from '../types.ts';
import { useApi } from '../useApi.ts';

/** The unmasked phone, ID number and birth date, read only when asked; the server writes the read to the audit log. */
export function PersonalDataModal({ resident, onClose }: { resident: Resident; onClose: () => void }) {
  const t = useT(m);
  const data = useApi<PersonalData>(`/api/v1/residents/${encodeURIComponent(resident.id)}/personal-data`);
  const d = data.data;
  return (
    <Modal open title={t('revealTitle', { name: resident.name })} onCancel={onClose} footer={null} destroyOnHidden>
      {data.error ? (
        <Alert type="error" showIcon title={data.error} role="alert" />
      ) : !d ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('residentName'), children: d.name },
              { key: 'gender', label: t('gender'), children: d.gender ? t(d.gender) : t('noValue') },
              { key: 'phone', label: t('phone'), children: d.phone ?? t('noValue') },
              { key: 'id', label: t('idNumber'), children: d.idNumber ?? t('noValue') },
              { key: 'birth', label: t('birthDate'), children: d.birthDate ?? t('noValue') },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('revealAudit')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
