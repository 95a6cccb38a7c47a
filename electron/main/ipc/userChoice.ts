// Where an export, a report or a backup is written: chosen in main's native
// dialog inside the very call that writes, so the page can neither name a
// destination nor hold one. The choice still goes through the grant store
// (scoped, bound to the window, logged) like every path main touches for the
// user, and is spent at once.
import type { GrantScope } from '../../../shared/contract/grants.ts';
import type { Caller, Dialogs, MainContext } from './types.ts';

export async function chooseDestination(ctx: MainContext, caller: Caller, scope: GrantScope, ask: (dialogs: Dialogs) => Promise<string | null>): Promise<string | null> {
  const path = await ask(ctx.dialogs);
  if (path === null) return null;
  const grant = ctx.grants.issue(caller.contentsId, scope, [path], 'dialog');
  const [granted] = ctx.grants.redeem(caller.contentsId, grant.id, scope);
  return granted ?? null;
}
