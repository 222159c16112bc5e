import { useState } from 'preact/hooks';
import type { ExportFormat, ExportRequest } from '../export/types';
import type { UserPreferences } from '../export/userPreferences';
import { PLATFORM_LABELS } from '../platforms/labels';
import type { PlatformId } from '../platforms/types';
import { PlatformInfoPanel } from './PlatformInfoPanel';
import { SaveToSelect } from './SaveToSelect';
import type { DetectedAccount } from './targetTab';
import type { SaveTargets } from './useSaveTargets';
import type { SaveTarget } from '../upload/saveTarget';

export const FORMAT_CHOICES: { value: ExportFormat; label: string }[] = [
  { value: 'json', label: 'JSON (all metadata)' },
  { value: 'csv', label: 'CSV (spreadsheet) + JSON' },
  { value: 'html', label: 'HTML (web page to browse) + JSON' },
];

export interface ExportFormProps {
  available: PlatformId[];
  detected?: DetectedAccount;
  defaults: Pick<UserPreferences, 'format' | 'includeMedia' | 'pacing'>;
  saveTargets: SaveTargets;
  busy: boolean;
  onStart(request: ExportRequest): void;
}

function AccountLine({ platform, account }: { platform: PlatformId; account?: string }) {
  return (
    <p class="account" id="account-line">
      {account ? (
        <>
          Exports <strong>@{account}</strong>, the {PLATFORM_LABELS[platform]} account open in your tab.
        </>
      ) : (
        <>
          Exports <strong>your own {PLATFORM_LABELS[platform]} account</strong>, the one logged in in this browser.
        </>
      )}
    </p>
  );
}

export function ExportForm({ available, detected, defaults, saveTargets, busy, onStart }: ExportFormProps) {
  const [platform, setPlatform] = useState<PlatformId>(detected?.platform ?? available[0] ?? 'instagram');
  const [format, setFormat] = useState<ExportFormat>(defaults.format);
  const [includeMedia, setIncludeMedia] = useState(defaults.includeMedia);
  const [saveTo, setSaveTo] = useState<SaveTarget>(saveTargets.connected.includes(saveTargets.preferred) ? saveTargets.preferred : 'downloads');
  const account = detected?.platform === platform ? detected.account : undefined;

  return (
    <form
      class="export-form"
      aria-describedby="account-line"
      onSubmit={(event) => {
        event.preventDefault();
        onStart({ platform, format, includeMedia, ...(account ? { account } : {}), ...(saveTo === 'downloads' ? {} : { saveTo }) });
      }}
    >
      <AccountLine platform={platform} account={account} />
      <div class="fields">
        <div class="field">
          <label for="platform">Platform</label>
          <select id="platform" value={platform} onChange={(e) => setPlatform(e.currentTarget.value as PlatformId)}>
            {(Object.keys(PLATFORM_LABELS) as PlatformId[]).map((id) => (
              <option key={id} value={id} disabled={!available.includes(id)}>
                {PLATFORM_LABELS[id]}
                {available.includes(id) ? '' : ' (coming soon)'}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="format">Export format</label>
          <select id="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            {FORMAT_CHOICES.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <SaveToSelect id="save-to" label="Save to" value={saveTo} connected={saveTargets.connected} onChange={setSaveTo} />
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={includeMedia} onChange={(e) => setIncludeMedia(e.currentTarget.checked)} />
        <span>Include media files (images and videos)</span>
      </label>
      <PlatformInfoPanel platform={platform} pacing={defaults.pacing} />
      <button type="submit" class="primary" disabled={busy}>
        Start Export
      </button>
    </form>
  );
}
