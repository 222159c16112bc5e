import type { Post } from '../../../lib/platforms/types';
import type { PostRecord } from '../../../lib/storage/exportDb';
import { postsOfJob } from '../../../lib/storage/postRecords';
import { post } from '../export/job/jobs';

export const JOB = '20261124-aaaaaa';
export const OTHER = '20261124-bbbbbb';

export async function collect(jobId: string): Promise<PostRecord[]> {
  const out: PostRecord[] = [];
  for await (const record of postsOfJob(jobId)) out.push(record);
  return out;
}

/** `count` posts named p0, p1… each with one media item m0, m1… */
export function posts(count: number, from = 0): Post[] {
  return Array.from({ length: count }, (_, i) => post(`p${from + i}`, [`m${from + i}`]));
}
