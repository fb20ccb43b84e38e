import { Alert, Button, Drawer, Flex, Input, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { RESIDENT_QR_PREFIX, type Attendance, type CheckInCode, type Roster, type RosterEntry } from '../../shared/activities/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n/index.tsx';
import { QrCode } from '../../shared/points/QrCode.tsx';
import { useWrite } from '../FormDialog.tsx';
import { useApi } from '../useApi.ts';
import { am } from './messages.ts';

/** The code for the door (a QR residents scan to check themselves in), while the activity takes check-ins. */
function DoorCode({ id }: { id: string }) {
  const t = useT(am);
  const { locale } = useLocale();
  const code = useApi<CheckInCode>(`/api/v1/activities/${encodeURIComponent(id)}/check-in-code`);
  if (code.error) return <Alert type="warning" showIcon title={code.error} />;
  if (!code.data) return <Spin />;
  return (
    <Flex gap={16} align="center">
      <QrCode value={code.data.qr} label={t('checkInCodeQr', { code: code.data.code })} size={140} />
      <div>
        <Typography.Text strong>{t('checkInCode')}</Typography.Text>
        <div style={{ fontSize: 24, fontWeight: 700, letterSpacing: 2 }} data-testid="door-code">
          {code.data.code}
        </div>
        <Typography.Text type="secondary">{t('checkInValid', { from: formatDateTime(code.data.validFrom, locale), to: formatDateTime(code.data.validUntil, locale) })}</Typography.Text>
      </div>
    </Flex>
  );
}

/** 报名与签到: who signed up and who came; the office ticks a resident present by the list or by their own QR. */
export function RosterDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const t = useT(am);
  const { locale } = useLocale();
  const path = `/api/v1/activities/${encodeURIComponent(id)}`;
  const roster = useApi<Roster>(`${path}/sign-ups`);
  const { busy, run } = useWrite();
  const [scanned, setScanned] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const a = roster.data?.activity;
  const open = a?.state === 'published';
  const tick = (residentId: string, name: string) =>
    run(() => api<Attendance>(`${path}/attendances`, { method: 'POST', body: { residentId } }), t('ticked', { name }), () => {
      roster.reload();
      onChanged();
    });
  const tickScanned = () => {
    const text = scanned.trim();
    if (!text.startsWith(RESIDENT_QR_PREFIX)) {
      setScanError(t('scanInvalid'));
      return;
    }
    setScanError(null);
    const residentId = text.slice(RESIDENT_QR_PREFIX.length);
    const name = roster.data?.items.find((x) => x.residentId === residentId)?.name ?? '';
    void tick(residentId, name).then(() => setScanned(''));
  };
  return (
    <Drawer open width={820} title={a ? t('rosterTitle', { title: a.title }) : t('roster')} onClose={onClose} destroyOnHidden>
      {roster.error && <Alert type="error" showIcon title={roster.error} role="alert" />}
      {!a ? (
        !roster.error && <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text>
            {a.localDay} {a.localTime} · {a.address} · <Tag>{a.stateLabel}</Tag>
            {t('summary', { signedUp: a.signedUp, attended: a.attended, capacity: a.capacity ?? t('unlimited') })}
          </Typography.Text>
          {open && <DoorCode id={id} />}
          {open && (
            <Flex gap={8} align="center">
              <Input
                aria-label={t('scanResident')}
                placeholder={t('scanResidentHint')}
                value={scanned}
                onChange={(e) => setScanned(e.target.value)}
                onPressEnter={tickScanned}
                style={{ maxWidth: 420 }}
                status={scanError ? 'error' : undefined}
              />
              <Button onClick={tickScanned} loading={busy} disabled={!scanned.trim()}>
                {t('scanSubmit')}
              </Button>
              {scanError && <Typography.Text type="danger">{scanError}</Typography.Text>}
            </Flex>
          )}
          <Table<RosterEntry>
            rowKey="residentId"
            size="small"
            pagination={false}
            dataSource={roster.data!.items}
            locale={{ emptyText: t('noRoster') }}
            columns={[
              { key: 'name', title: t('colName'), width: 120, render: (_, r) => r.name },
              { key: 'phone', title: t('colPhone'), width: 130, render: (_, r) => r.phone ?? '—' },
              {
                key: 'signUp',
                title: t('colSignUp'),
                width: 160,
                render: (_, r) => (r.signedUp ? <Tag color="blue">{t('signedUp')}</Tag> : r.walkIn ? <Tag>{t('walkIn')}</Tag> : <Tag>{t('withdrawn')}</Tag>),
              },
              {
                key: 'checkIn',
                title: t('colCheckIn'),
                render: (_, r) =>
                  r.checkedIn ? (
                    <span>
                      <Tag color="green">{t('checkedIn')}</Tag>
                      {formatDateTime(r.checkedInAt, locale)}
                    </span>
                  ) : open && r.signedUp ? (
                    <Button size="small" type="primary" aria-label={t('tickName', { name: r.name })} loading={busy} onClick={() => tick(r.residentId, r.name)}>
                      {t('tick')}
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">{t('notYet')}</Typography.Text>
                  ),
              },
              { key: 'points', title: t('colPoints'), width: 70, render: (_, r) => (r.checkedIn ? r.points : '—') },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
