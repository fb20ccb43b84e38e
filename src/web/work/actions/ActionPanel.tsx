import { App, Button } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';
import type { WorkCase } from '../types.ts';
import { ActionDrawer } from './ActionDrawer.tsx';
import { ACTION_SPECS, type ActionSpec } from './specs.tsx';

/** The buttons for what the server says this worker may do now; nothing else is offered. */
export function ActionPanel({ c, onDone }: { c: WorkCase; onDone: (c: WorkCase) => void }) {
  const t = useT(work);
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const offered = ACTION_SPECS.filter((s) => c.abilities.includes(s.ability));

  const act = async (spec: ActionSpec) => {
    if (!spec.direct) return setOpen(spec);
    setBusy(spec.ability);
    try {
      const updated = await api<WorkCase>(`/api/v1/cases/${c.id}/${spec.path}`, { method: 'POST', body: {} });
      message.success(t('actionDone', { action: t(spec.label) }));
      onDone(updated);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  if (offered.length === 0) return <p className="lx-muted" style={{ margin: 0 }}>{t('noActions')}</p>;
  // A lone primary action spans the row so it is the obvious next step.
  const primaries = offered.filter((s) => s.primary).length;
  return (
    <>
      <div className="lx-actions">
        {offered.map((s) => (
          <Button
            key={s.ability}
            size="large"
            type={s.primary ? 'primary' : 'default'}
            danger={s.danger}
            className={s.primary && primaries === 1 ? 'lx-action-wide' : undefined}
            loading={busy === s.ability}
            onClick={() => act(s)}
          >
            {t(s.label)}
          </Button>
        ))}
      </div>
      <ActionDrawer spec={open} caseId={c.id} onClose={() => setOpen(null)} onDone={onDone} />
    </>
  );
}
