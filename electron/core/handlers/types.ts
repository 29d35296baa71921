import type { Kysely } from 'kysely';
import type { Channel, Out, ParsedIn } from '../../../shared/contract';
import type { AppState } from '../app-state';
import type { Database } from '../db/schema';

export interface HandlerContext {
  app: AppState;
  /** The open workspace's database, or a Dutch "open a workspace first" error. */
  db(): Kysely<Database>;
  /** Who is written into the history. */
  user: string;
  /** The window or CLI run calling: its change sets form its own undo stack. */
  session: string;
}

export type Handler<C extends Channel> = (input: ParsedIn<C>, ctx: HandlerContext) => Promise<Out<C>> | Out<C>;
export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> };
export type Handlers = { [K in Channel]: Handler<K> };

/** Keeps a domain's handlers typed against the contract without listing channels twice. */
export const handlers = <C extends Channel>(group: HandlerGroup<C>): HandlerGroup<C> => group;
