import { html, type Reply } from '../server/reply';
import { blockPage } from './pages';

/** The ways Facebook's web endpoints answer, byte for byte in their framing (docs/platforms.md, "Facebook: errors"). */

const JSON_TYPE = 'application/json; charset=utf-8';

/** One JSON object per line: the first holds `data`, later ones Relay's deferred parts. */
export function graphqlLines(parts: object[]): Reply {
  return { status: 200, headers: { 'content-type': JSON_TYPE, 'cache-control': 'private, no-cache, no-store, must-revalidate' }, body: parts.map((part) => JSON.stringify(part)).join('\n') };
}

export function graphqlErrors(errors: { message: string; severity?: string; code?: number }[]): Reply {
  return graphqlLines([{ errors: errors.map((error) => ({ severity: 'CRITICAL', ...error })), data: null }]);
}

/** An ajax-level refusal, behind the `for (;;);` guard. */
export function ajaxError(code: number, summary: string, description: string): Reply {
  const body = { __ar: 1, error: code, errorSummary: summary, errorDescription: description, isNotCritical: false, payload: null, bootloadable: {}, ixData: {}, lid: '7423456789012345678' };
  return { status: 200, headers: { 'content-type': 'application/x-javascript; charset=utf-8' }, body: `for (;;);${JSON.stringify(body)}` };
}

export const notLoggedIn = () => ajaxError(1357001, 'Log in to continue', 'You must log in to continue.');
export const staleToken = () => ajaxError(1357004, 'Sorry, something went wrong', 'Please try closing and re-opening your browser window.');
export const rateLimitExceeded = () => graphqlErrors([{ message: 'Rate limit exceeded', code: 1675004 }]);
export const documentNotFound = (docId: string) => graphqlErrors([{ message: `The GraphQL document with ID ${docId} was not found.` }]);
export const temporarilyBlocked = () => html(200, blockPage());

/** The answers the fault injector can trip on demand. */
export function faultReply(kind: 'rate-limit' | 'temporary-block' | 'logged-out'): Reply {
  return kind === 'rate-limit' ? rateLimitExceeded() : kind === 'temporary-block' ? temporarilyBlocked() : notLoggedIn();
}
