import { json, type Reply, type RequestContext } from '../server/reply';
import type { AccountStore } from './accounts';
import { apiHeaders } from './api-guard';
import type { MediaJson } from './media-json';
import type { IgAccount } from './model';
import type { IgSession } from './sessions';

/** Everything an API handler needs, once the guard has let the call through. */
export interface ApiCall {
  ctx: RequestContext;
  session: IgSession;
  store: AccountStore;
  render: MediaJson;
  /** The decoded form body of a POST (empty for GETs). */
  form: URLSearchParams;
}

export function ok(call: ApiCall, body: Record<string, unknown>, status = 200): Reply {
  return json(status, body, apiHeaders(call.session));
}

export function fail(call: ApiCall, status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return json(status, { message, ...extra, status: 'fail' }, apiHeaders(call.session));
}

export const userNotFound = (call: ApiCall) => fail(call, 404, 'User not found', { error_type: 'user_not_found' });
export const notAuthorized = (call: ApiCall) => fail(call, 400, 'Not authorized to view user');

/** The account behind a path or form id, or the error reply the real API gives. */
export function viewableAccount(call: ApiCall, pk: string): IgAccount | Reply {
  const account = call.store.pk(pk);
  if (!account) return userNotFound(call);
  if (!call.store.canView(call.session.userPk, account)) return notAuthorized(call);
  return account;
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as Reply).status === 'number';
}
