import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../../export/history/exportHistory';
import { isFinal } from '../../export/job/jobProgress';
import { backgroundClient } from '../../messaging/clients';
import { describeOptions } from '../../export/options/exportOptions';
import { PLATFORM_LABELS } from '../../platforms/labels';
import { adapterFor } from '../../platforms/registry';
import { FailedFiles } from '../FailedFiles';
import { canRetryFailedFiles } from '../JobCard';
import { formatBytes } from '../../export/formatBytes';
import { accountLabel, failureText, jobStatusText } from '../../export/jobStatusText';
import { SAVE_TARGET_SHORT } from '../../upload/saveTarget';

function when(entry: HistoryEntry): string {
  return new Date(entry.finishedAt ?? entry.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function outcome(entry: HistoryEntry): string {
  switch (entry.stage) {
    case 'done':
      if (entry.upload) return `Done (saved to ${SAVE_TARGET_SHORT[entry.upload.target]})`;
      return entry.archiveKept ? 'Done' : 'Done (ZIP removed)';
    case 'failed':
      return `Failed: ${failureText(entry)}`;
    case 'cancelled':
      return 'Cancelled';
    default:
      if (entry.pausedFor === 'upload' || (entry.stage === 'delivering' && entry.upload)) return jobStatusText(entry);
      return `Running (${entry.percent.toFixed(0)}%)`;
  }
}

/** The export's options beyond the defaults, e.g. "Images, Reels · 2026-01-01 to … · at most 2 MB/s". */
function optionsText(entry: HistoryEntry): string {
  return describeOptions(entry.request, adapterFor(entry.request.platform).mediaTypes).join(' · ');
}

function Row({ entry, onChanged, onError }: { entry: HistoryEntry; onChanged(): void; onError(message: string): void }) {
  const [busy, setBusy] = useState(false);
  const what = `the ${PLATFORM_LABELS[entry.request.platform]} export of ${accountLabel(entry)} from ${when(entry)}`;
  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    run()
      .catch((e: Error) => onError(e.message))
      .finally(() => {
        setBusy(false);
        onChanged();
      });
  };
  return (
    <tr>
      <td>{when(entry)}</td>
      <td>{PLATFORM_LABELS[entry.request.platform]}</td>
      <td class="account-cell">{accountLabel(entry)}</td>
      <td>
        {entry.request.format.toUpperCase()}
        {optionsText(entry) && <span class="muted option-summary">{optionsText(entry)}</span>}
      </td>
      <td class="num">{entry.zipBytes ? formatBytes(entry.zipBytes) : '—'}</td>
      <td class="num">
        {entry.posts.done} posts
        {entry.request.includeMedia ? `, ${entry.media.done} files` : ''}
      </td>
      <td>{entry.failed.length > 0 ? <FailedFiles files={entry.failed} /> : <span class="muted">none</span>}</td>
      <td class={entry.stage === 'failed' ? 'error' : undefined}>{outcome(entry)}</td>
      <td>
        <div class="actions">
          <button
            type="button"
            disabled={busy || !entry.archiveKept}
            aria-label={`Download ${what} again`}
            onClick={() => act(() => backgroundClient.send('redownloadExport', { jobId: entry.id }))}
          >
            Download again
          </button>
          {entry.pausedFor === 'upload' && !isFinal(entry.stage) && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Continue the upload of ${what}`}
              onClick={() => act(() => backgroundClient.send('continueExport', { jobId: entry.id }))}
            >
              Continue
            </button>
          )}
          {canRetryFailedFiles(entry) && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Retry the failed files of ${what}`}
              onClick={() => act(() => backgroundClient.send('retryFailedFiles', { jobId: entry.id }))}
            >
              Retry failed files
            </button>
          )}
          <button
            type="button"
            disabled={busy || !isFinal(entry.stage)}
            aria-label={`Delete ${what}`}
            onClick={() => {
              if (confirm(`Delete ${what}? Its ZIP is removed from the extension's storage (files already in your downloads stay).`)) {
                act(() => backgroundClient.send('deleteExport', { jobId: entry.id }));
              }
            }}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

/** Past exports with re-download while the ZIP is kept, and delete. */
export function HistoryTable({ entries, onChanged }: { entries: HistoryEntry[]; onChanged(): void }) {
  const [error, setError] = useState<string>();
  if (entries.length === 0) return <p class="muted">No exports yet. Start one from the toolbar button or a platform page's context menu.</p>;
  const kept = entries.filter((e) => e.archiveKept).reduce((sum, e) => sum + (e.zipBytes ?? 0), 0);
  return (
    <>
      <p class="muted">
        {entries.length} exports; the kept ZIPs use {formatBytes(kept)} of this browser's storage.
      </p>
      {error && <p class="error">{error}</p>}
      <div class="table-scroll">
        <table class="history">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Platform</th>
              <th scope="col">Account</th>
              <th scope="col">Format and options</th>
              <th scope="col">Size</th>
              <th scope="col">Items</th>
              <th scope="col">Failures</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <Row key={entry.id} entry={entry} onChanged={onChanged} onError={setError} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
