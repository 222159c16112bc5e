import type { JobRecord } from '../../storage/exportDb';
import type { PlatformAdapter, PlatformContext } from '../../platforms/types';
import type { ExportSettings } from '../exportSettings';

/** What every stage of one running job gets. */
export interface JobContext {
  job: JobRecord;
  adapter: PlatformAdapter;
  platform: PlatformContext;
  settings: ExportSettings;
  signal: AbortSignal;
  /** Persists the job and tells open extension pages; `archiveFraction` feeds the percent during the ZIP stage. */
  save(changes?: Partial<JobRecord>, archiveFraction?: number): Promise<void>;
}
