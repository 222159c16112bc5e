import { useEffect, useState } from 'preact/hooks';
import { countdownText } from './eta';

/** Time left until `untilIso`, ticking every second while there is one; undefined otherwise. */
export function useCountdown(untilIso: string | undefined): string | undefined {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!untilIso) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [untilIso]);
  return untilIso ? countdownText(Date.parse(untilIso) - now) : undefined;
}
