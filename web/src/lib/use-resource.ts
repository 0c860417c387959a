import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a view and loads it again whenever `key` changes (put every input of the
 * loader in the key). What was shown stays until the new answer arrives; a late answer to an
 * older key is dropped.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (data) => { if (current) setState({ data, error: null, loading: false }); },
      (error: unknown) => { if (current) setState((previous) => ({ ...previous, error: error instanceof Error ? error : new Error(String(error)), loading: false })); },
    );
    return () => { current = false; };
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
