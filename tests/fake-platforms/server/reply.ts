import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

export type RequestKind = 'api' | 'media';

/** What a route answers; the server writes it, so faults can cut any body the same way. */
export interface Reply {
  status: number;
  headers?: Record<string, string | number | readonly string[]>;
  body?: string | Buffer | Readable;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: string;
  /** Lower-case host name without port, as the Host header said. */
  readonly host: string;
  readonly url: URL;
  readonly kind: RequestKind;
  /** Wall-clock ms of the request's arrival. */
  readonly receivedAt: number;
  readBody(limit?: number): Promise<Buffer>;
}

export interface HostRoute {
  /** Exact names or `*.suffix` patterns (any depth), also used for the certificate and resolver rules. */
  readonly hosts: readonly string[];
  readonly kind: RequestKind;
  handle(ctx: RequestContext): Promise<Reply>;
  /** Where this platform sends a logged-out visitor, for the login faults. */
  loginRedirect(ctx: RequestContext): string;
  loginPage(ctx: RequestContext): string;
  /** How this host fails with a bare status (a status fault without a body); default an empty text body. */
  errorReply?(status: number, headers: Record<string, string | number>, ctx: RequestContext): Reply;
}

export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

export function json(status: number, value: unknown, headers: Reply['headers'] = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, body: string, headers: Reply['headers'] = {}): Reply {
  return { status, headers: { 'content-type': 'text/html; charset="utf-8"', ...headers }, body };
}

export function text(status: number, body: string, headers: Reply['headers'] = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain', ...headers }, body };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location, 'content-type': 'text/html; charset="utf-8"' }, body: '' };
}

export function parseCookies(header: string | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    cookies.set(name, [...(cookies.get(name) ?? []), value]);
  }
  return cookies;
}
