import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiRequest, ApiResponse } from '../../../../lib/platforms/types';
import { FakePlatformContext } from '../fakePlatformContext';

const FIXTURES = join(import.meta.dirname, 'fixtures');

export const VIEWER_ID = '100012345678901';
/** The path of the one bundle home-logged-in.html links (on static.xx.fbcdn.net). */
export const BUNDLE_PATH = '/rsrc.php/v4/yQ/r/abc.js';
export const VIEWER_DTSG = 'NAcMq8mZ3k9xYwVtU2sR1pOnL0kJiHgFe:17:1765900000';

/** A fixture's text as Facebook sent it (kept as text: the framing is part of what is tested). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Facebook's GraphQL answers are framed JSON (`for (;;);{…}`), so anything but an HTML page is labelled JSON. */
export function respond(status: number, text: string, headers: Record<string, string> = {}): ApiResponse {
  const type = /^\s*</.test(text) ? 'text/html; charset="utf-8"' : 'application/json; charset=utf-8';
  return { status, redirected: false, headers: new Headers({ 'content-type': type, ...headers }), text };
}

export function respondFixture(name: string): ApiResponse {
  return respond(200, fixtureText(name));
}

export interface GraphqlCall {
  form: URLSearchParams;
  variables: Record<string, unknown>;
}

type Answer = ApiResponse | ((call: GraphqlCall) => ApiResponse);

function graphqlCall(req: ApiRequest): GraphqlCall {
  const form = new URLSearchParams(req.body ?? '');
  return { form, variables: JSON.parse(form.get('variables') ?? '{}') as Record<string, unknown> };
}

/**
 * Pages by path, GraphQL answers by friendly name (first matching guard wins, each answer used
 * once unless `repeat`).
 */
export class FakeFacebook extends FakePlatformContext {
  private readonly pages = new Map<string, Answer[]>();
  private readonly answers: { name: string; answer: Answer; guard: (call: GraphqlCall) => boolean; repeat: boolean; used: boolean }[] = [];

  constructor() {
    super({ c_user: VIEWER_ID, xs: '31%3AbQx9Tz2LmN4pR7%3A2%3A1765900000%3A-1%3A-1', datr: 'Xy1_abcDEF', fr: '0AbC.DeF' });
    this.onPage('/', respondFixture('home-logged-in.html'), true);
    // The bundle the home page links: it publishes the doc_ids the other fixtures were sent with.
    this.onPage(BUNDLE_PATH, respond(200, fixtureText('bundle-relay-operations.js.txt'), { 'content-type': 'application/x-javascript; charset=utf-8' }), true);
  }

  onPage(path: string, answer: Answer, replace = false): this {
    this.pages.set(path, replace ? [answer] : [...(this.pages.get(path) ?? []), answer]);
    return this;
  }

  onQuery(name: string, answer: Answer, guard: (call: GraphqlCall) => boolean = () => true, repeat = false): this {
    this.answers.push({ name, answer, guard, repeat, used: false });
    return this;
  }

  /** The page requests on www.facebook.com (bundles on the CDN left out). */
  get pageRequests(): ApiRequest[] {
    return this.requests.filter((req) => (req.method ?? 'GET') === 'GET' && new URL(req.url).host === 'www.facebook.com');
  }

  get graphqlCalls(): GraphqlCall[] {
    return this.requests.filter((req) => req.method === 'POST').map(graphqlCall);
  }

  protected answer(req: ApiRequest, url: URL): ApiResponse | undefined {
    if ((req.method ?? 'GET') === 'GET') {
      const queue = this.pages.get(url.pathname);
      const answer = queue && (queue.length > 1 ? queue.shift() : queue[0]);
      if (answer) return typeof answer === 'function' ? answer({ form: new URLSearchParams(), variables: {} }) : answer;
    } else if (url.pathname === '/api/graphql/') {
      const call = graphqlCall(req);
      const name = call.form.get('fb_api_req_friendly_name');
      const entry = this.answers.find((a) => a.name === name && (a.repeat || !a.used) && a.guard(call));
      if (entry) {
        entry.used = true;
        return typeof entry.answer === 'function' ? entry.answer(call) : entry.answer;
      }
    }
    return undefined;
  }
}
