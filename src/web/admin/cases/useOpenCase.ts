import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

const PARAM = 'case';

/** The case shown in the drawer lives in the address (`?case=LX-…`), so it survives a reload and can be shared. */
export function useOpenCase(): { current: string | null; open: (ref: string) => void; close: () => void; hrefOf: (ref: string) => string } {
  const [params, setParams] = useSearchParams();
  const open = useCallback(
    (ref: string) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set(PARAM, ref);
        return next;
      }),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.delete(PARAM);
        return next;
      }),
    [setParams],
  );
  const hrefOf = useCallback(
    (ref: string) => {
      const next = new URLSearchParams(params);
      next.set(PARAM, ref);
      return `?${next.toString()}`;
    },
    [params],
  );
  return { current: params.get(PARAM), open, close, hrefOf };
}
