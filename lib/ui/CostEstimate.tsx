import { useEffect, useState } from 'preact/hooks';
import { estimateApiTimeMs } from '../export/costEstimate';
import { backgroundClient } from '../messaging/clients';
import { adapterFor } from '../platforms/registry';
import type { PacingProfile, PlatformId } from '../platforms/types';
import { costEstimateText } from './costEstimateText';

/** The account's post count, once the background looked it up; undefined where the platform gives none. */
function usePostCount(platform: PlatformId, account: string | undefined): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let current = true;
    setCount(undefined);
    backgroundClient
      .send('accountPostCount', { platform, ...(account ? { account } : {}) })
      .then(({ postCount }) => current && setCount(postCount))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [platform, account]);
  return count;
}

/** What the export will cost before it starts: the posts, and the time the API calls take at the chosen pace. */
export function CostEstimate({ platform, account, pacing }: { platform: PlatformId; account?: string; pacing: PacingProfile }) {
  const postCount = usePostCount(platform, account);
  if (postCount === undefined) return null;
  const adapter = adapterFor(platform);
  const ms = estimateApiTimeMs(adapter.apiCallsFor(postCount), adapter.pacing[pacing]);
  return (
    <p class="line muted cost-estimate" id="cost-estimate">
      Estimate: {costEstimateText(postCount, ms, pacing)}
    </p>
  );
}
