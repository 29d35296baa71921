/**
 * The one way a screen loads data: useCall for one channel, useLoad for a load made of several
 * calls. Both reload after any write (useAct), undo or change of workspace (query.ts). A failed
 * load gives its Dutch message in `error`; screens show it (LoadError for the page, <Loaded> or
 * <LoadProblem> for a part), never an empty list in its place.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from './api';
import { messageOf } from './components/errors';
import type { Channel, In, Out } from '../../shared/contract';

export interface Load<T> {
  data: T | undefined;
  /** The Dutch message of a failed load. */
  error: string | null;
  loading: boolean;
}

function toLoad<T>(q: { data: T | undefined; error: unknown; isLoading: boolean }): Load<T> {
  return { data: q.data, error: q.error ? messageOf(q.error) : null, loading: q.isLoading };
}

export interface LoadOptions {
  /** Wait (data stays undefined) until the input is known. */
  enabled?: boolean;
  /** Keep showing the previous answer while a new key loads (a filter being typed). */
  keepPrevious?: boolean;
}

/** A load under its own key (everything the load depends on belongs in the key). */
export function useLoad<T>(key: readonly unknown[], load: () => Promise<T>, opts: LoadOptions = {}): Load<T> {
  return toLoad(useQuery({ queryKey: key, queryFn: load, enabled: opts.enabled ?? true, placeholderData: opts.keepPrevious ? keepPreviousData : undefined }));
}

type CallArgs<C extends Channel> = Record<never, never> extends In<C> ? [input?: In<C>, opts?: LoadOptions] : [input: In<C>, opts?: LoadOptions];

/** One channel's answer. */
export function useCall<C extends Channel>(channel: C, ...[input, opts]: CallArgs<C>): Load<Out<C>> {
  const send = call as (channel: C, input: In<C> | undefined) => Promise<Out<C>>;
  return useLoad([channel, input ?? {}], () => send(channel, input), opts);
}
