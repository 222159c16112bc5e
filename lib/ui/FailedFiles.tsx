import type { FailedFile } from '../platforms/types';

/** The files an export could not keep, each with its reason; collapsed, as it can be long. */
export function FailedFiles({ files }: { files: readonly FailedFile[] }) {
  return (
    <details class="failed">
      <summary>
        {files.length} {files.length === 1 ? 'file' : 'files'} could not be downloaded
      </summary>
      <ul>
        {files.map((f) => (
          <li key={f.mediaId}>
            <span class="mono">{f.mediaId}</span> (post <span class="mono">{f.postId}</span>): {f.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
