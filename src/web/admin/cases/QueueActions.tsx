import { Alert, App as AntApp, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { ActionModal } from '../actions/ActionModal.tsx';
import { ACTION_SPECS, type ActionContext, type ActionSpec } from '../actions/specs.tsx';
import { type MessageKey, m } from '../messages.ts';
import type { StaffCase } from '../types.ts';

const spec = (label: MessageKey) => ACTION_SPECS.find((s) => s.label === label)!;

/**
 * The dispatch centre's one-click actions on a row: 派单 to the grid's on-duty worker (or to a chosen
 * person when the case lies outside every grid), 确认分类 / 更正分类, 合并 into the earlier case, 不予受理.
 */
export function QueueActions({ c, onChanged }: { c: StaffCase; onChanged: () => void }) {
  const t = useT(m);
  const { message } = AntApp.useApp();
  const [modal, setModal] = useState<ActionSpec | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ctx: ActionContext = { c, photos: [], label: t };
  const can = (a: string) => c.abilities.includes(a);
  const path = (endpoint: string) => `/api/v1/cases/${encodeURIComponent(c.number)}/${endpoint}`;

  const post = async (key: string, endpoint: string, body: unknown, done: string) => {
    setBusy(key);
    setError(null);
    try {
      await api(path(endpoint), { method: 'POST', body });
      message.success(done);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const candidate = c.duplicateCandidate;
  return (
    <Flex vertical gap={6}>
      <Flex wrap gap={6}>
        {can('dispatch') &&
          (c.grid ? (
            <Button type="primary" size="small" loading={busy === 'dispatch'} onClick={() => post('dispatch', 'dispatch', {}, t('dispatchDone', { number: c.number }))} title={t('dispatchDefault')}>
              {t('act_dispatch')}
            </Button>
          ) : null)}
        {can('dispatch') && (
          <Button size="small" type={c.grid ? 'default' : 'primary'} onClick={() => setModal(spec('act_dispatch'))}>
            {c.grid ? t('dispatchPick') : t('act_dispatch')}
          </Button>
        )}
        {can('categorize') && c.needsReview && c.category && (
          <Button size="small" loading={busy === 'categorize'} onClick={() => post('categorize', 'categorize', { category: c.category }, t('categorizeDone', { number: c.number }))}>
            {t('act_confirm_category')}
          </Button>
        )}
        {can('categorize') && c.needsReview && (
          <Button size="small" onClick={() => setModal(spec('act_categorize'))}>
            {t('act_categorize')}
          </Button>
        )}
        {can('merge') && candidate && (
          <Popconfirm title={t('mergeConfirm', { number: c.number, into: candidate.number })} onConfirm={() => post('merge', 'merge', { into: candidate.id }, t('mergeDone', { number: c.number, into: candidate.number }))}>
            <Button size="small" loading={busy === 'merge'}>
              {t('act_merge')}
            </Button>
          </Popconfirm>
        )}
        {can('reject') && (
          <Button size="small" danger onClick={() => setModal(spec('act_reject'))}>
            {t('act_reject')}
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} />}
      {modal && (
        <ActionModal
          open
          title={`${t(modal.label)} · ${c.number}`}
          submitLabel={modal.submit ? t(modal.submit) : t('submitAction', { action: t(modal.label) })}
          path={path(modal.endpoint)}
          initialValues={modal.initial?.(ctx)}
          toBody={(v) => modal.body?.(v, ctx) ?? {}}
          danger={modal.danger}
          doneText={t('actionDone', { action: t(modal.label) })}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            onChanged();
          }}
        >
          {modal.fields?.(ctx)}
        </ActionModal>
      )}
    </Flex>
  );
}
