import { useState } from 'preact/hooks';
import type { ExportFormat, ExportRequest } from '../export/types';
import { PLATFORM_LABELS } from '../platforms/labels';
import type { PlatformId } from '../platforms/types';

export interface ExportFormProps {
  available: PlatformId[];
  detected?: { platform: PlatformId; account?: string };
  busy: boolean;
  onStart(request: ExportRequest): void;
}

const FORMATS: { value: ExportFormat; label: string }[] = [{ value: 'json', label: 'JSON' }];

export function ExportForm({ available, detected, busy, onStart }: ExportFormProps) {
  const [platform, setPlatform] = useState<PlatformId>(detected?.platform ?? available[0] ?? 'instagram');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [includeMedia, setIncludeMedia] = useState(true);
  const account = detected?.platform === platform ? detected.account : undefined;

  return (
    <form
      class="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        onStart({ platform, format, includeMedia, ...(account ? { account } : {}) });
      }}
    >
      <label>
        Platform
        <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as PlatformId)}>
          {(Object.keys(PLATFORM_LABELS) as PlatformId[]).map((id) => (
            <option key={id} value={id} disabled={!available.includes(id)}>
              {PLATFORM_LABELS[id]}
              {available.includes(id) ? '' : ' (coming soon)'}
            </option>
          ))}
        </select>
      </label>
      <p class="account">Exports {account ? <strong>@{account}</strong> : 'your own account'}</p>
      <label>
        Export format
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={includeMedia} onChange={(e) => setIncludeMedia(e.currentTarget.checked)} />
        Include media files (images and videos)
      </label>
      <button type="submit" disabled={busy}>
        Start Export
      </button>
    </form>
  );
}
