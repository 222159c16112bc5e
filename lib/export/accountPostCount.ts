import { createPlatformContext } from '../net/platformContext';
import { adapterFor } from '../platforms/registry';
import type { PlatformId } from '../platforms/types';
import { listJobs } from '../storage/jobRecords';
import { apiPacing, readExportSettings } from './exportSettings';
import { validateExportRequest } from './job/exportRequest';
import { readUserPreferences } from './userPreferences';

/** A count looked up is reused for this long: opening the popup again costs no call. */
const FRESH_MS = 60 * 60_000;
/** The lookup gives up rather than keep the popup waiting. */
const LOOKUP_TIMEOUT_MS = 30_000;

const looked = new Map<string, { at: number; postCount: number | undefined }>();

async function fromEarlierExport(platform: PlatformId, account: string | undefined): Promise<number | undefined> {
  const jobs = await listJobs();
  return jobs.find((job) => job.request.platform === platform && job.request.account === account && job.account?.postCount !== undefined)?.account
    ?.postCount;
}

/**
 * How many posts the account the popup offers holds, where the platform says so: from an earlier
 * export of it, else, only when the user asked (`lookUp`), one paced, budgeted lookup (never one
 * that waits for the budget). Opening the popup alone never calls the platform.
 */
export async function accountPostCount(raw: unknown): Promise<{ postCount?: number }> {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const { platform, account } = validateExportRequest({ platform: fields.platform, account: fields.account, format: 'json', includeMedia: false });
  const key = `${platform} ${account ?? ''}`;
  const cached = looked.get(key);
  if (cached && Date.now() - cached.at < FRESH_MS) return { postCount: cached.postCount };
  const known = await fromEarlierExport(platform, account);
  if (known !== undefined) return { postCount: known };

  const adapter = adapterFor(platform);
  if (!adapter.countsPosts || fields.lookUp !== true) return {};
  const [settings, preferences] = await Promise.all([readExportSettings(), readUserPreferences()]);
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(LOOKUP_TIMEOUT_MS)]);
  const notes = new Map<string, string>();
  const ctx = createPlatformContext({
    origin: adapter.site.origin,
    ...apiPacing(settings, adapter.pacing, preferences.pacing),
    signal,
    stallTimeoutMs: settings.stallTimeoutMs,
    notes: { get: (name) => notes.get(name), set: (name, value) => void notes.set(name, value) },
    onPause: async (until) => {
      if (until) stop.abort();
    },
  });
  const postCount = (await adapter.resolveAccount(ctx, account)).postCount;
  looked.set(key, { at: Date.now(), postCount });
  return { postCount };
}
