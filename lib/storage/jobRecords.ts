import { openExportDb, type JobRecord } from './exportDb';
import { deleteJobItems } from './jobItems';

export async function getJob(jobId: string): Promise<JobRecord | undefined> {
  return (await openExportDb()).get('jobs', jobId);
}

export async function putJob(job: JobRecord): Promise<void> {
  await (await openExportDb()).put('jobs', job);
}

export async function listJobs(): Promise<JobRecord[]> {
  const jobs = await (await openExportDb()).getAll('jobs');
  return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Forgets a job entirely (the user deleted it from the history): its record and its items. */
export async function deleteJob(jobId: string): Promise<void> {
  await deleteJobItems(jobId);
  await (await openExportDb()).delete('jobs', jobId);
}
