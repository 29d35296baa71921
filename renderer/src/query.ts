/**
 * The screens' cache of what the core said (TanStack Query). Every load has a key (the channel and
 * its input); a write through useAct, an undo or another workspace marks everything stale, so each
 * screen shows what the core holds now. Issue 13 tunes this (keys per domain, staleTime).
 */
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    // 'always': the core is local, so "offline" (no internet) must never pause a load or a write.
    // No retries: a refused or failed call shows its Dutch message at once.
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
    mutations: { networkMode: 'always', retry: false },
  },
});
