import { stat } from 'node:fs/promises';
import { listZip, readZipJson } from '../../tests/e2e/harness/zipCheck';

export interface ZipSummary {
  jobId: string;
  platform: string;
  account: string;
  posts: number;
  mediaFiles: number;
  mediaBytes: number;
  zipBytes: number;
  failed: { mediaId: string; reason: string }[];
}

// docs/export-format.md, "ZIP layout": export-{jobId}/{platform}-export-{jobId}.json
const MAIN_JSON = /^export-([^/]+)\/([a-z]+)-export-\1\.json$/;

interface MainJson {
  platform?: string;
  account?: string | { handle?: string; id?: string };
  posts?: unknown[];
  failed?: { mediaId?: string; reason?: string; message?: string }[];
}

function accountName(account: MainJson['account']): string {
  if (typeof account === 'string') return account;
  return account?.handle ?? account?.id ?? '(not stated)';
}

/** Counts read back from the ZIP itself, not from what the extension reported. */
export async function summarizeZip(path: string): Promise<ZipSummary> {
  const entries = await listZip(path);
  const mains = entries.filter((e) => !e.directory && MAIN_JSON.test(e.name));
  if (mains.length !== 1) {
    throw new Error(`${path} should hold exactly one export-{jobId}/{platform}-export-{jobId}.json, found ${mains.length}`);
  }
  const main = mains[0]!;
  const [, jobId = '', platform = ''] = MAIN_JSON.exec(main.name) ?? [];
  const json = await readZipJson<MainJson>(path, main.name);
  if (!Array.isArray(json.posts) || !Array.isArray(json.failed)) throw new Error(`${main.name} lacks its posts or failed list`);
  const media = entries.filter((e) => !e.directory && e.name.startsWith(`export-${jobId}/media/`) && !e.name.endsWith('.meta.json'));
  return {
    jobId,
    platform: json.platform ?? platform,
    account: accountName(json.account),
    posts: json.posts.length,
    mediaFiles: media.length,
    mediaBytes: media.reduce((sum, e) => sum + e.size, 0),
    zipBytes: (await stat(path)).size,
    failed: json.failed.map((f) => ({ mediaId: f.mediaId ?? '?', reason: [f.reason, f.message].filter(Boolean).join(': ') || 'no reason given' })),
  };
}
