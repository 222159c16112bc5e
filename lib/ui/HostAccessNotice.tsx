import { useEffect, useState } from 'preact/hooks';
import { hostOf, missingHostAccess, requestHostAccess } from '../shims/hostAccess';

/**
 * Says when the browser has not granted the platform hosts (Firefox makes MV3 host permissions
 * optional) and asks for them with one button; shows nothing once they are granted.
 */
export function HostAccessNotice() {
  const [missing, setMissing] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    void missingHostAccess().then(setMissing);
  }, []);
  if (missing.length === 0) return null;

  return (
    <section class="host-access" role="alert">
      <p>
        This browser has not allowed Star Export to reach {missing.map(hostOf).join(', ')}. Exports cannot read your posts or
        download your files until you allow it.
      </p>
      <button
        type="button"
        onClick={() => {
          // The request must be the handler's first call: Firefox prompts only within the click.
          requestHostAccess(missing)
            .then(async (granted) => {
              setProblem(granted ? undefined : 'Access was not allowed. Exports stay unavailable until you allow it here.');
              setMissing(await missingHostAccess());
            })
            .catch((error: Error) => setProblem(`The browser did not ask: ${error.message}`));
        }}
      >
        Allow access
      </button>
      {problem && <p class="error">{problem}</p>}
    </section>
  );
}
