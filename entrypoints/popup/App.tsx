import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { startExport } from '@/lib/messaging/clients';
import { PLATFORM_IDS } from '@/lib/platforms/descriptors';
import { registeredAdapters } from '@/lib/platforms/registry';
import { ExportForm } from '@/lib/ui/ExportForm';
import { HostAccessNotice } from '@/lib/ui/HostAccessNotice';
import { JobList } from '@/lib/ui/JobList';
import { jobStatusText } from '@/lib/export/jobStatusText';
import { useJobs } from '@/lib/ui/useJobs';
import { usePreferences } from '@/lib/ui/usePreferences';
import { useSaveTargets } from '@/lib/ui/useSaveTargets';
import { useTargetAccount } from '@/lib/ui/useTargetAccount';

const adapters = registeredAdapters();
const available = [...PLATFORM_IDS];
const mediaTypes = Object.fromEntries(adapters.map((adapter) => [adapter.id, adapter.mediaTypes]));
const knownMediaTypes = [...new Set(adapters.flatMap((adapter) => adapter.mediaTypes.map((type) => type.id)))];

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
      <HostAccessNotice />
      {target.ready && preferences && saveTargets && (
        <ExportForm
          available={available}
          mediaTypes={mediaTypes}
          knownMediaTypes={knownMediaTypes}
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
