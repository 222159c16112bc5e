import browser from 'webextension-polyfill';
import { ExportError, toExportError } from '../errors';
import type { ApiRequest, ApiResponse, CallBudget, JobNotes, Pacing, PlatformContext } from '../platforms/types';
import { budgetKeys, recordCall, waitForBudget } from './callBudget';
import { isUnfollowedRedirect } from './redirects';
import { RequestPacer } from './requestPacer';
import { createStallWatchdog, type StallWatchdog } from './stallWatchdog';

const pacers = new Map<string, RequestPacer>();

function pacerFor(origin: string): RequestPacer {
  let pacer = pacers.get(origin);
  if (!pacer) {
    pacer = new RequestPacer();
    pacers.set(origin, pacer);
  }
  return pacer;
}

/** The body as text; every chunk is a sign of life, so a large page on a slow link is no stall. */
async function readText(response: Response, watchdog: StallWatchdog): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    watchdog.progress();
    text += value;
  }
}

/**
 * Requests carry the browser's own cookies (credentials: 'include') and never follow a
 * redirect: a platform API that redirects means the session is not valid, and following it
 * would read a login page as if it were data.
 */
async function send(req: ApiRequest, signal: AbortSignal, stallTimeoutMs: number): Promise<ApiResponse> {
  const watchdog = createStallWatchdog(signal, stallTimeoutMs);
  try {
    const response = await fetch(req.url, {
      method: req.method ?? 'GET',
      headers: req.headers,
      body: req.body,
      credentials: 'include',
      redirect: 'manual',
      cache: 'no-store',
      signal: watchdog.signal,
    });
    watchdog.progress();
    const redirected = isUnfollowedRedirect(response);
    return {
      status: response.type === 'opaqueredirect' ? 302 : response.status,
      redirected,
      location: response.headers.get('location') ?? undefined,
      headers: response.headers,
      text: redirected ? '' : await readText(response, watchdog),
    };
  } catch (error) {
    if (watchdog.stalled) throw watchdog.error();
    throw signal.aborted ? new ExportError('cancelled', 'The export was cancelled.') : toExportError(error);
  } finally {
    watchdog.stop();
  }
}

export function createPlatformContext(options: {
  origin: string;
  pacing: Pacing;
  signal: AbortSignal;
  stallTimeoutMs: number;
  notes: JobNotes;
  /** Calls to this platform allowed in any rolling hour and day, across jobs; none against local fakes. */
  budget?: CallBudget;
  /** The account the job exports, once resolved: its calls also count against that account's budget. */
  account?(): string | undefined;
  /** Hears when a wait for the budget ends, and undefined when it is over. */
  onPause(until: Date | undefined): Promise<void>;
}): PlatformContext {
  const { origin, pacing, signal, stallTimeoutMs, notes, budget, account, onPause } = options;
  const call = async (req: ApiRequest) => {
    if (budget) {
      const keys = budgetKeys(origin, account?.());
      await waitForBudget(keys, budget, signal, onPause);
      await recordCall(keys);
    }
    return send(req, signal, stallTimeoutMs);
  };
  return {
    signal,
    notes,
    request: (req) => (req.staticAsset ? send(req, signal, stallTimeoutMs) : pacerFor(origin).run(() => call(req), pacing, signal)),
    async getCookie(name) {
      const cookie = await browser.cookies.get({ url: `${origin}/`, name });
      return cookie?.value;
    },
  };
}
