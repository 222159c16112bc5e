import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../export/history/exportHistory';
import { backgroundClient } from '../../messaging/clients';
import { onBroadcast } from '../../messaging/messenger';
import type { BroadcastProtocol } from '../../messaging/protocol';

// Retention may remove a ZIP while the page is open; a slow re-read notices.
const REFRESH_MS = 10_000;

/** Every export with whether its ZIP is kept; re-read when a job changes and after every action. */
export function useHistory(): { entries: HistoryEntry[] | undefined; refresh(): void } {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const refresh = useCallback(() => {
    void backgroundClient
      .send('listHistory')
      .then(setEntries)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    let last = '';
    // Progress broadcasts come every half second; the table only needs a job's stage changes.
    const stop = onBroadcast<BroadcastProtocol, 'jobUpdated'>('jobUpdated', (job) => {
      const key = `${job.id}:${job.stage}`;
      if (key !== last) refresh();
      last = key;
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [refresh]);
  return { entries, refresh };
}
