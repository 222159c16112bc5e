import type { JobNotes } from '../../platforms/types';
import type { JobRecord } from '../../storage/exportDb';

/** The adapter's notes live on the job record, so the job's next save keeps them across worker restarts. */
export function jobNotes(job: JobRecord): JobNotes {
  return {
    get: (key) => job.notes?.[key],
    set(key, value) {
      job.notes = { ...job.notes, [key]: value };
    },
  };
}
