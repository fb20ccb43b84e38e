import { App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../shared/api.ts';

/** Runs one change against the server: busy while it runs, the server's own message on refusal, a toast on success. */
export function useAction() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
      setBusy(true);
      try {
        await fn();
        message.success(done);
        return true;
      } catch (e) {
        message.error(e instanceof ApiError ? e.message : String(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
