import { useEffect, useState } from 'react';
import { ApiError, graphql } from './api';
import { useSession } from './session';

export type QueryState<T> = { data: T | null; error: ApiError | null; loading: boolean; reload: () => void };

/**
 * Runs a GraphQL query when it or its variables change, or when the caller signs in or out (what it may see
 * changes); the previous request is cancelled.
 */
export function useQuery<T>(query: string | null, variables: Record<string, unknown> = {}): QueryState<T> {
  const { session } = useSession();
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>(
    { data: null, error: null, loading: query !== null });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (query === null) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    graphql<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal)
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') {
          setState({ data: null, error: error instanceof ApiError ? error : new ApiError(String(error)), loading: false });
        }
      });
    return () => controller.abort();
  }, [query, key, session?.label, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
