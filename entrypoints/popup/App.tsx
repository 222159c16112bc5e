import { useState } from 'preact/hooks';
import { backgroundClient, startExport } from '@/lib/messaging/clients';
import { registeredAdapters } from '@/lib/platforms/registry';
import { ExportForm } from '@/lib/ui/ExportForm';
import { JobProgress } from '@/lib/ui/JobProgress';
import { jobStatusText } from '@/lib/ui/jobStatusText';
import { useActiveTabPlatform } from '@/lib/ui/useActiveTabPlatform';
import { useJobs } from '@/lib/ui/useJobs';

const available = registeredAdapters().map((adapter) => adapter.id);

export function App() {
  const tab = useActiveTabPlatform();
  const jobs = useJobs();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const latest = jobs[0];

  return (
    <main>
      <h1>Star Export</h1>
      {tab.ready && (
        <ExportForm
          available={available}
          detected={tab.detected}
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
      <p role="status" class="status">
        {error ?? (latest ? jobStatusText(latest) : 'Ready.')}
      </p>
      {jobs.map((job) => (
        <JobProgress key={job.id} job={job} onCancel={() => void backgroundClient.send('cancelExport', { jobId: job.id })} />
      ))}
    </main>
  );
}
