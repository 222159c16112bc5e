import { asNumber, asString, isObject, type JsonObject } from '../shared/jsonReaders';

/**
 * The tokens a Comet page hands its own GraphQL client. They sit in
 * `<script type="application/json" data-sjs>` blocks as module definitions,
 * `["DTSGInitialData",[],{"token":"…"},258]`, nested at varying depths inside `__bbox` wrappers,
 * so every block is walked rather than addressed by a path.
 */
export interface PageTokens {
  fbDtsg: string;
  lsd?: string;
  /** CurrentUserInitialData.USER_ID: "0" for a logged-out visitor. */
  userId: string;
  name?: string;
  revision?: string;
  hsi?: string;
  hasteSession?: string;
  spinBranch?: string;
  spinTime?: string;
}

const WANTED = new Set(['DTSGInitialData', 'DTSGInitData', 'LSD', 'CurrentUserInitialData', 'SiteData']);
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The page's tokens, or undefined when it has no fb_dtsg or no user (a login page, an error page). */
export function readPageTokens(html: string): PageTokens | undefined {
  const modules = new Map<string, JsonObject>();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (!/type=["']application\/json["']/i.test(attributes) || !/\bdata-sjs\b/i.test(attributes)) continue;
    try {
      collectModules(JSON.parse(body), modules, 0);
    } catch {
      // A block that is not JSON holds none of the tokens; the others still may.
    }
  }
  const fbDtsg = asString(modules.get('DTSGInitialData')?.token) ?? asString(modules.get('DTSGInitData')?.token);
  const user = modules.get('CurrentUserInitialData');
  const userId = asString(user?.USER_ID);
  if (!fbDtsg || !userId) return undefined;
  const site = modules.get('SiteData');
  return {
    fbDtsg,
    userId,
    lsd: asString(modules.get('LSD')?.token),
    name: asString(user?.NAME),
    revision: text(site?.server_revision) ?? text(site?.__spin_r),
    hsi: text(site?.hsi),
    hasteSession: text(site?.haste_session),
    spinBranch: text(site?.__spin_b),
    spinTime: text(site?.__spin_t),
  };
}

function text(value: unknown): string | undefined {
  const number = asNumber(value);
  return typeof value === 'string' ? asString(value) : number === undefined ? undefined : String(number);
}

/** Module definitions are `[name, dependencies[], config{}, …]` arrays anywhere in the block. */
function collectModules(value: unknown, modules: Map<string, JsonObject>, depth: number): void {
  if (depth > 40) return;
  if (Array.isArray(value)) {
    const [name, , config] = value;
    if (typeof name === 'string' && WANTED.has(name) && isObject(config) && !modules.has(name)) modules.set(name, config);
    for (const item of value) collectModules(item, modules, depth + 1);
  } else if (isObject(value)) {
    for (const item of Object.values(value)) collectModules(item, modules, depth + 1);
  }
}
