import { useEffect, useState } from 'preact/hooks';
import { detectTargetAccount, type DetectedAccount } from './targetTab';

/** The platform and account of the tab the popup was opened for, once looked up. */
export function useTargetAccount(): { ready: boolean; detected?: DetectedAccount } {
  const [state, setState] = useState<{ ready: boolean; detected?: DetectedAccount }>({ ready: false });
  useEffect(() => {
    void detectTargetAccount(location.search).then((detected) => setState({ ready: true, detected }));
  }, []);
  return state;
}
