import type { ApiResponse } from '../../../lib/platforms/types';

/** An answer labelled JSON when its body looks like JSON and HTML otherwise, as the platforms label them. */
export function respond(status: number, text: string, headers: Record<string, string> = {}): ApiResponse {
  const type = /^\s*[[{]/.test(text) ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  return { status, redirected: false, headers: new Headers({ 'content-type': type, ...headers }), text };
}

/** A redirect as fetch(redirect: 'manual') reports it: Node shows the target, a browser hides it. */
export function redirect(location?: string): ApiResponse {
  return { status: 302, redirected: true, location, headers: new Headers(location ? { location } : {}), text: '' };
}

/** One answer of a platform's error table (fixtures/error-responses.json), as recorded. */
export interface RecordedAnswer {
  case: string;
  status: number;
  redirected?: boolean;
  location?: string;
  contentType?: string;
  headers?: Record<string, string>;
  body: string;
}

export function recordedResponse(row: RecordedAnswer): ApiResponse {
  const headers = new Headers({ 'content-type': row.contentType ?? 'application/json; charset=utf-8', ...row.headers });
  if (row.location) headers.set('location', row.location);
  return { status: row.status, redirected: row.redirected ?? false, location: row.location, headers, text: row.body };
}
