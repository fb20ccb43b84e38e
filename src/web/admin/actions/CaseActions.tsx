import { Alert, App as AntApp, Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { CasePhoto, StaffCase } from '../types.ts';
import { ActionModal } from './ActionModal.tsx';
import { type ActionContext, type ActionSpec, specsFor } from './specs.tsx';

/** The buttons for what the signed-in account may do with this case now, as the server's `abilities` say. */
export function CaseActions({ c, photos, onDone }: { c: StaffCase; photos: CasePhoto[]; onDone: () => void }) {
  const t = useT(m);
  const { message } = AntApp.useApp();
  const [active, setActive] = useState<ActionSpec | null>(null);
  const [error, setError] = useState<string | null>(null);
  const specs = specsFor(c);
  const ctx: ActionContext = { c, photos, label: t };
  const path = (s: ActionSpec) => `/api/v1/cases/${encodeURIComponent(c.number)}/${s.endpoint}`;

  const runQuick = async (s: ActionSpec) => {
    setError(null);
    try {
      await api(path(s), { method: 'POST', body: s.confirmOnly!(ctx) });
      message.success(t('actionDone', { action: t(s.label) }));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (specs.length === 0) return <Typography.Text type="secondary">{t('noActions')}</Typography.Text>;
  return (
    <>
      {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} style={{ marginBottom: 12 }} />}
      <Flex wrap gap={8}>
        {specs.map((s) =>
          s.confirmOnly ? (
            <Popconfirm key={s.label} title={s.ability === 'categorize' ? t('categoryConfirmQ', { label: c.categoryLabel ?? '' }) : t('confirmAction', { action: t(s.label) })} onConfirm={() => runQuick(s)}>
              <Button type={s.primary ? 'primary' : 'default'}>{t(s.label)}</Button>
            </Popconfirm>
          ) : (
            <Button key={s.label} type={s.primary ? 'primary' : 'default'} danger={s.danger} onClick={() => setActive(s)}>
              {t(s.label)}
            </Button>
          ),
        )}
      </Flex>
      {active && (
        <ActionModal
          open
          title={`${t(active.label)} · ${c.number}`}
          submitLabel={active.submit ? t(active.submit) : t('submitAction', { action: t(active.label) })}
          path={path(active)}
          initialValues={active.initial?.(ctx)}
          toBody={(v) => active.body?.(v, ctx) ?? {}}
          danger={active.danger}
          doneText={t('actionDone', { action: t(active.label) })}
          onClose={() => setActive(null)}
          onDone={() => {
            setActive(null);
            onDone();
          }}
        >
          {active.fields?.(ctx)}
        </ActionModal>
      )}
    </>
  );
}
