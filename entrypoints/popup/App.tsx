import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { startExport } from '@/lib/messaging/clients';
import { registeredAdapters } from '@/lib/platforms/registry';
import { ExportForm } from '@/lib/ui/ExportForm';
import { JobList } from '@/lib/ui/JobList';
import { jobStatusText } from '@/lib/ui/jobStatusText';
import { useJobs } from '@/lib/ui/useJobs';
import { usePreferences } from '@/lib/ui/usePreferences';
import { useSaveTargets } from '@/lib/ui/useSaveTargets';
import { useTargetAccount } from '@/lib/ui/useTargetAccount';

const available = registeredAdapters().map((adapter) => adapter.id);

export function App() {
  const target = useTargetAccount();
  const preferences = usePreferences();
  const jobs = useJobs();
  const saveTargets = useSaveTargets();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const latest = jobs[0];

  return (
    <main class="popup">
      <header class="top">
        <h1>Star Export</h1>
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(event) => {
            event.preventDefault();
            void browser.runtime.openOptionsPage().then(() => window.close());
          }}
        >
          History &amp; settings
        </a>
      </header>
      {target.ready && preferences && saveTargets && (
        <ExportForm
          available={available}
          detected={target.detected}
          defaults={preferences}
          saveTargets={saveTargets}
          busy={starting}
          onStart={(request) => {
            setStarting(true);
            setError(undefined);
            startExport(request)
              .catch((e: Error) => setError(e.message))
              .finally(() => setStarting(false));
          }}
        />
      )}
      {error && <p class="error">{error}</p>}
      <p role="status" class="visually-hidden">
        {error ?? (latest ? jobStatusText(latest) : 'Ready.')}
      </p>
      <JobList jobs={jobs} />
    </main>
  );
}
