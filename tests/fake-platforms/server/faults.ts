import { Readable } from 'node:stream';
import type { FaultRule } from '../types';
import { html, redirect, text, type HostRoute, type Reply, type RequestContext } from './reply';

type Fault = FaultRule['fault'];
export type BodyCut = 'reset' | 'truncate';

/** What the server must do to one request because of injected faults. */
export interface FaultPlan {
  delayMs: number;
  /** Answer this instead of asking the route. */
  reply?: Reply;
  /** Ask the route, then cut its body halfway. */
  cut?: BodyCut;
}

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  applied: number;
  /** When a `forMs` rule faulted its first request. */
  startedAt?: number;
}

async function matches(rule: FaultRule, ctx: RequestContext): Promise<boolean> {
  const { match } = rule;
  if (match === 'api' || match === 'media') return match === ctx.kind;
  if ('pathIncludes' in match) return `${ctx.host}${ctx.url.pathname}${ctx.url.search}`.includes(match.pathIncludes);
  return graphqlMatches(match, ctx);
}

/**
 * A web GraphQL call of the named query: the name the request gives (form field
 * fb_api_req_friendly_name or header X-FB-Friendly-Name, as the web app sends both), and the
 * `variables` substring when the rule has one. Only form-encoded POSTs can be such calls.
 */
async function graphqlMatches(match: { graphql: string; variablesInclude?: string }, ctx: RequestContext): Promise<boolean> {
  if (ctx.method !== 'POST' || !String(ctx.req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return false;
  const form = new URLSearchParams((await ctx.readBody()).toString('utf8'));
  const name = form.get('fb_api_req_friendly_name') ?? ctx.req.headers['x-fb-friendly-name'];
  if (name !== match.graphql) return false;
  return match.variablesInclude === undefined || (form.get('variables') ?? '').includes(match.variablesInclude);
}

/** The fault's own body, or what the host says when it fails that way (each platform has its shapes). */
function statusReply(fault: Extract<Fault, { type: 'status' }>, ctx: RequestContext, route: HostRoute): Reply {
  const headers: Record<string, string | number> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = fault.retryAfterSeconds;
  if (fault.body !== undefined) {
    return { status: fault.status, headers: { 'content-type': fault.contentType ?? 'text/plain', ...headers }, body: fault.body };
  }
  return route.errorReply?.(fault.status, headers, ctx) ?? text(fault.status, '', headers);
}

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PADDING = Buffer.alloc(1 << 20);

/** A real JPEG start and then padding, streamed so a multi-gigabyte answer costs no memory. */
function oversizeJpeg(bytes: number, declareLength: boolean): Reply {
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      const chunk = sent === 0 ? JPEG_HEAD : PADDING.subarray(0, Math.min(PADDING.length, bytes - sent));
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { status: 200, headers: { 'content-type': 'image/jpeg', ...(declareLength ? { 'content-length': bytes } : {}) }, body };
}

/** A status fault that answers a route's own canned reply as it is (its status, type and body). */
export function cannedReplyFault(reply: Reply): Extract<Fault, { type: 'status' }> {
  return { type: 'status', status: reply.status, body: String(reply.body), contentType: String(reply.headers?.['content-type']) };
}

/** Injected faults, counted per rule: `after` matching requests pass, then `times` of them fail. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0, applied: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  async plan(ctx: RequestContext, route: HostRoute): Promise<FaultPlan> {
    const plan: FaultPlan = { delayMs: 0 };
    for (const active of this.rules) {
      if (!(await matches(active.rule, ctx))) continue;
      const index = active.seen++;
      if (index < (active.rule.after ?? 0)) continue;
      if (active.rule.forMs !== undefined) {
        active.startedAt ??= Date.now();
        if (Date.now() - active.startedAt > active.rule.forMs) continue;
      } else if (active.applied >= (active.rule.times ?? 1)) continue;
      const fault = active.rule.fault;
      // A delay stacks with whatever else applies; the first other fault wins.
      if (fault.type === 'delay') {
        active.applied++;
        plan.delayMs += fault.ms;
        continue;
      }
      if (plan.reply || plan.cut) continue;
      active.applied++;
      Object.assign(plan, this.apply(fault, ctx, route));
    }
    return plan;
  }

  private apply(fault: Exclude<Fault, { type: 'delay' }>, ctx: RequestContext, route: HostRoute): Partial<FaultPlan> {
    switch (fault.type) {
      case 'status':
        return { reply: statusReply(fault, ctx, route) };
      case 'reset':
      case 'truncate':
        return { cut: fault.type };
      case 'html-login':
        return { reply: html(200, route.loginPage(ctx)) };
      case 'redirect-login':
        return { reply: redirect(route.loginRedirect(ctx)) };
      case 'redirect':
        return { reply: redirect(fault.location) };
      case 'expire':
        return { reply: text(403, 'URL signature expired') };
      case 'oversize':
        return { reply: oversizeJpeg(fault.bytes, fault.declareLength) };
    }
  }
}
