import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../lib/export/types';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms, FaultRule, RequestLogEntry } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, openExport, type CheckedExport } from './exportChecks';
import { addFakeCookies, existingZips, launchWithExtension, PopupPage, waitForZip, type ExtensionSession } from './harness';
import { useQuickPacing } from './quickPacing';
import { startFromExtensionPage } from './startFromExtensionPage';

const EXPORT_TIMEOUT_MS = 180_000;
const OVERSIZE = 1024 * 1024 * 1024 + 4096;
const STALL_MS = 2000;

type Outcome = { complete: true } | { failedFile: string } | { jobError: RegExp };

interface FaultCase {
  name: string;
  faults: FaultRule[];
  account?: string;
  outcome: Outcome;
  /** The shortest gap (ms) the fake must see before the faulted request is asked again. */
  backoffMs?: number;
  check?: (log: readonly RequestLogEntry[]) => void;
}

const status = (s: number, retryAfterSeconds?: number): FaultRule['fault'] => ({ type: 'status', status: s, retryAfterSeconds });

const CASES: FaultCase[] = [
  { name: 'API 429 with Retry-After', faults: [{ match: 'api', after: 2, fault: status(429, 3) }], outcome: { complete: true }, backoffMs: 3000 },
  { name: 'API 429 without Retry-After', faults: [{ match: 'api', after: 2, fault: status(429) }], outcome: { complete: true }, backoffMs: 2000 },
  {
    name: 'API 500, 502 and 503',
    faults: [
      { match: 'api', after: 1, fault: status(500) },
      { match: 'api', after: 3, fault: status(502) },
      { match: 'api', after: 5, fault: status(503) },
    ],
    outcome: { complete: true },
    backoffMs: 1000,
  },
  { name: 'media 429 with Retry-After', faults: [{ match: 'media', after: 4, fault: status(429, 2) }], outcome: { complete: true }, backoffMs: 2000 },
  { name: 'media 429 without Retry-After', faults: [{ match: 'media', after: 4, fault: status(429) }], outcome: { complete: true }, backoffMs: 500 },
  {
    name: 'media 500, 502 and 503',
    faults: [
      { match: 'media', after: 2, fault: status(500) },
      { match: 'media', after: 6, fault: status(502) },
      { match: 'media', after: 9, fault: status(503) },
    ],
    outcome: { complete: true },
    backoffMs: 500,
  },
  { name: 'connection reset mid-body', faults: [{ match: 'media', after: 3, fault: { type: 'reset' } }], outcome: { complete: true } },
  { name: 'truncated body with a correct Content-Length', faults: [{ match: 'media', after: 3, fault: { type: 'truncate' } }], outcome: { complete: true } },
  { name: 'headers that take longer than the stall timeout', faults: [{ match: 'media', after: 3, fault: { type: 'delay', ms: STALL_MS * 2 } }], outcome: { complete: true } },
  {
    name: 'expired signed media URL',
    faults: [{ match: 'media', after: 3, fault: { type: 'expire' } }],
    outcome: { complete: true },
    check: (log) => {
      const expired = log.findIndex((e) => e.kind === 'media' && e.status === 403);
      expect(log.slice(expired).some((e) => e.kind === 'api' && /\/api\/v1\/(media\/\d+\/info|feed\/reels_media)\//.test(e.path))).toBe(true);
    },
  },
  { name: 'oversize file with Content-Length', faults: [{ match: 'media', after: 3, fault: { type: 'oversize', bytes: OVERSIZE, declareLength: true } }], outcome: { failedFile: 'too_large' } },
  { name: 'oversize file without Content-Length', faults: [{ match: 'media', after: 3, fault: { type: 'oversize', bytes: OVERSIZE, declareLength: false } }], outcome: { failedFile: 'too_large' } },
  { name: 'an HTML login page served as an image', faults: [{ match: 'media', after: 3, fault: { type: 'html-login' } }], outcome: { failedFile: 'not_allowed_type' } },
  { name: 'a media URL that redirects to the login page', faults: [{ match: 'media', after: 3, fault: { type: 'redirect-login' } }], outcome: { failedFile: 'not_allowed_type' } },
  { name: 'an empty account', faults: [], account: 'empty.account', outcome: { complete: true } },
  { name: 'a private account', faults: [], account: 'private.account', outcome: { jobError: /private account/ } },
  { name: 'logged out mid-export', faults: [{ match: 'api', after: 3, times: Infinity, fault: { type: 'redirect-login' } }], outcome: { jobError: /Log in to Instagram/ } },
  {
    name: 'a checkpoint',
    faults: [
      {
        match: 'api',
        after: 2,
        fault: { type: 'status', status: 400, contentType: 'application/json', body: '{"message":"checkpoint_required","checkpoint_url":"https://www.instagram.com/challenge/","lock":true,"status":"fail"}' },
      },
    ],
    outcome: { jobError: /confirm it’s you/ },
  },
];

/** The gap between the first faulted answer and the next request for the same path. */
function retryGap(log: readonly RequestLogEntry[]): number | undefined {
  const faulted = log.findIndex((e) => e.status >= 429);
  if (faulted < 0) return undefined;
  const first = log[faulted]!;
  const retry = log.slice(faulted + 1).find((e) => e.path === first.path && e.host === first.host);
  return retry ? retry.at - (first.at + first.durationMs) : undefined;
}

describe('Instagram fault matrix: every file in the ZIP or in the failed list, never hammering', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;
  let baselineApiCalls = 0;

  beforeAll(async () => {
    fake = await startFakePlatforms({
      port: 0,
      instagramAccounts: [
        { username: 'empty.account', posts: 0, stories: 0, highlights: 0 },
        { username: 'private.account', posts: 5, isPrivate: true },
      ],
    });
    session = await launchWithExtension({ fake });
    await useQuickPacing(session, { stallTimeoutMs: STALL_MS });
    await addFakeCookies(session.context, fake.instagramCookies());
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
    }
  });

  async function runExport(account?: string): Promise<{ outcome: 'done' | 'error'; text: string; exported?: CheckedExport; zipPath?: string }> {
    const before = await existingZips(session.downloadsDir);
    const popup = await PopupPage.open(session.context, session.extensionId);
    try {
      const request: ExportRequest = { platform: 'instagram', format: 'json', includeMedia: true, ...(account ? { account } : {}) };
      // The popup exports the account of the tab it was opened on; another account is asked for directly.
      if (account) await popup.startBy(() => startFromExtensionPage(popup.page, request));
      else await popup.start();
      const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
      if (end.outcome !== 'done') return end;
      const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
      return { ...end, zipPath, exported: await openExport(zipPath, 'instagram') };
    } finally {
      await popup.page.close();
    }
  }

  it('a run without faults sets the baseline', async () => {
    fake.resetLog();
    const run = await runExport();
    expect(run.outcome, run.text).toBe('done');
    baselineApiCalls = fake.log.filter((e) => e.kind === 'api').length;
  });

  it.each(CASES)('$name', async (c) => {
    fake.clearFaults();
    fake.resetLog();
    for (const fault of c.faults) fake.addFault(fault);
    const run = await runExport(c.account);
    const log = fake.log;

    if ('jobError' in c.outcome) {
      expect(run.outcome, run.text).toBe('error');
      expect(run.text).toMatch(c.outcome.jobError);
    } else {
      expect(run.outcome, run.text).toBe('done');
      const served = fake.instagramMedia(c.account);
      await expectEveryServedFileAccountedFor(run.zipPath!, run.exported!, served);
      const failed = run.exported!.manifest.failed;
      if ('failedFile' in c.outcome) {
        expect(failed.map((f) => f.reason)).toEqual([c.outcome.failedFile]);
        expect(failed[0]!.message.length).toBeGreaterThan(10);
        expect(failed[0]!.url).not.toContain('?');
      } else {
        expect(failed).toEqual([]);
      }
      if (served.length > 0) expectNeverMoreThanThreeInFlight(fake);
      else expect(run.exported!.manifest.posts).toEqual([]);
    }

    if (c.backoffMs !== undefined) {
      const gap = retryGap(log);
      expect(gap, 'the faulted request was asked again').toBeDefined();
      expect(gap!).toBeGreaterThanOrEqual(c.backoffMs - 50);
    }
    // Never hammered: a fault costs a few extra API calls, not a loop.
    expect(log.filter((e) => e.kind === 'api').length).toBeLessThanOrEqual(baselineApiCalls + 6);
    c.check?.(log);
  });
});
