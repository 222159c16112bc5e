import pLimit from 'p-limit';
import type { ExportError } from '../../errors';
import { createConnectivity, type Connectivity } from '../../net/connectivity';
import type { PlatformAdapter, PlatformContext } from '../../platforms/types';
import type { JobRecord } from '../../storage/exportDb';
import { appendPage, type ListedPage } from '../../storage/listedPages';
import type { ExportSettings } from '../exportSettings';
import { overallPercent } from './jobProgress';
import type { JobServices } from './jobServices';

/** What every stage of one running job gets. */
export interface JobContext {
  job: JobRecord;
  adapter: PlatformAdapter;
  platform: PlatformContext;
  settings: ExportSettings;
  services: JobServices;
  /** Whether the network is there, judged from this job's API calls and, apart, its media downloads. */
  network: { api: Connectivity; media: Connectivity };
  /** Aborts when the job is cancelled or stopped (see `stop`); its reason is why. */
  signal: AbortSignal;
  /** Persists the job and tells open extension pages; `archiveFraction` feeds the percent during the ZIP stage. */
  save(changes?: Partial<JobRecord>, archiveFraction?: number): Promise<void>;
  /** Stores one listed page with the position after it, and takes the new listing state into `job`. */
  recordPage(page: ListedPage): Promise<void>;
  /** Stops every part of the job at once (the listing and the downloads running beside it). */
  stop(reason: ExportError): void;
}

export interface JobContextOptions {
  job: JobRecord;
  adapter: PlatformAdapter;
  settings: ExportSettings;
  services: JobServices;
  signal: AbortSignal;
  createPlatform(signal: AbortSignal): PlatformContext;
  publish(job: JobRecord): Promise<void>;
  /** Defaults to the real pauses; tests shorten them. */
  network?: JobContext['network'];
}

export function createJobContext({ job, adapter, settings, services, signal: outer, createPlatform, publish, network }: JobContextOptions): JobContext {
  const stopper = new AbortController();
  const signal = AbortSignal.any([outer, stopper.signal]);
  // Downloads save the job while a page is being stored: a save that cloned the job before the
  // page's transaction committed would write the old position back over the new one. One writer at a time.
  const writes = pLimit(1);
  return {
    job,
    adapter,
    settings,
    services,
    signal,
    network: network ?? { api: createConnectivity(), media: createConnectivity() },
    platform: createPlatform(signal),
    save(changes = {}, archiveFraction = 0) {
      Object.assign(job, changes, { updatedAt: new Date().toISOString() });
      job.percent = overallPercent(job, archiveFraction);
      return writes(() => publish(job));
    },
    recordPage(page) {
      return writes(async () => {
        // Only what the page changed: the rest of the stored job may be older than this one.
        const stored = await appendPage(job.id, page);
        const { listing, metadataDone, sections, posts: listed, nextPostSeq, nextMediaSeq, media } = stored;
        Object.assign(job, { listing, metadataDone, sections, posts: listed, nextPostSeq, nextMediaSeq, media: { ...job.media, total: media.total } });
      });
    },
    stop(reason) {
      stopper.abort(reason);
    },
  };
}
