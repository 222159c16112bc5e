import { useEffect, useRef, useState } from 'preact/hooks';
import { estimateApiTimeMs } from '../export/costEstimate';
import { backgroundClient } from '../messaging/clients';
import { adapterFor } from '../platforms/registry';
import type { PacingProfile, PlatformId } from '../platforms/types';
import { costEstimateText } from './costEstimateText';

type Count = { state: 'unknown' } | { state: 'looking' } | { state: 'known'; postCount: number } | { state: 'none' };

/**
 * The account's post count: at once when an earlier export knows it, else once the user asks
 * (`lookUp`), which costs one paced call to the platform. An answer for an account no longer
 * chosen is dropped.
 */
function usePostCount(platform: PlatformId, account: string | undefined): [Count, () => void] {
  const [count, setCount] = useState<Count>({ state: 'unknown' });
  const chosen = useRef('');
  const key = `${platform} ${account ?? ''}`;
  const ask = (lookUp: boolean) => {
    const isCurrent = () => chosen.current === key;
    if (lookUp) setCount({ state: 'looking' });
    backgroundClient
      .send('accountPostCount', { platform, ...(account ? { account } : {}), lookUp })
      .then(({ postCount }) => {
        if (!isCurrent()) return;
        if (postCount !== undefined) setCount({ state: 'known', postCount });
        else if (lookUp) setCount({ state: 'none' });
      })
      .catch(() => isCurrent() && lookUp && setCount({ state: 'none' }));
  };
  useEffect(() => {
    chosen.current = key;
    setCount({ state: 'unknown' });
    ask(false);
  }, [key]);
  return [count, () => ask(true)];
}

/** What the export will cost before it starts: the posts, and the time its API calls take at the chosen pace. */
export function CostEstimate({ platform, account, pacing }: { platform: PlatformId; account?: string; pacing: PacingProfile }) {
  const adapter = adapterFor(platform);
  const [count, lookUp] = usePostCount(platform, account);
  if (!adapter.countsPosts) return null;
  if (count.state === 'known') {
    const ms = estimateApiTimeMs(adapter.apiCallsFor(count.postCount), adapter.pacing[pacing]);
    return (
      <p class="line muted cost-estimate" id="cost-estimate">
        Estimate: {costEstimateText(count.postCount, ms, pacing)}
      </p>
    );
  }
  if (count.state === 'none') return <p class="line muted cost-estimate">The account’s size could not be looked up; the export works all the same.</p>;
  return (
    <p class="line muted cost-estimate">
      <button type="button" class="secondary" disabled={count.state === 'looking'} onClick={lookUp}>
        {count.state === 'looking' ? 'Looking up the account…' : 'Estimate how long it takes'}
      </button>{' '}
      (one request to {adapter.label})
    </p>
  );
}
