import { useEffect, useState } from 'preact/hooks';
import type { JobSnapshot } from '../export/types';
import { backgroundClient } from '../messaging/clients';
import { onBroadcast } from '../messaging/messenger';
import type { BroadcastProtocol } from '../messaging/protocol';
import { mergeJobs } from './jobSnapshots';

// Broadcasts carry live progress; the periodic re-read covers a worker that restarted meanwhile.
const REFRESH_MS = 3000;

/** Every job the background knows of, newest first, kept live while the page is open. */
export function useJobs(): JobSnapshot[] {
  const [jobs, setJobs] = useState<JobSnapshot[]>([]);
  useEffect(() => {
    let alive = true;
    const merge = (incoming: JobSnapshot[]) => setJobs((current) => mergeJobs(current, incoming));
    const refresh = () =>
      backgroundClient
        .send('listJobs')
        .then((list) => alive && merge(list))
        .catch(() => undefined);
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const stop = onBroadcast<BroadcastProtocol, 'jobUpdated'>('jobUpdated', (job) => merge([job]));
    return () => {
      alive = false;
      clearInterval(timer);
      stop();
    };
  }, []);
  return jobs;
}
