import { useState } from 'preact/hooks';
import { optionsForPlatform, type ExportOptions } from '../export/options/exportOptions';
import type { ExportFormat, ExportRequest, SplitGB } from '../export/types';
import type { UserPreferences } from '../export/userPreferences';
import { PLATFORM_DESCRIPTORS } from '../platforms/descriptors';
import { PLATFORM_LABELS } from '../platforms/labels';
import type { MediaTypeChoice, PlatformId } from '../platforms/types';
import { CostEstimate } from './CostEstimate';
import { ExportOptionsFields } from './exportOptions/ExportOptionsFields';
import { FormatSelect } from './FormatSelect';
import { PlatformInfoPanel } from './PlatformInfoPanel';
import { SplitSelect } from './SplitSelect';
import { SaveToSelect } from './SaveToSelect';
import type { DetectedAccount } from './targetTab';
import type { SaveTargets } from './useSaveTargets';
import type { SaveTarget } from '../upload/saveTarget';

export interface ExportFormProps {
  available: PlatformId[];
  /** Each platform's media types, and every platform's type ids (see MediaTypesField). */
  mediaTypes: Partial<Record<PlatformId, readonly MediaTypeChoice[]>>;
  knownMediaTypes: readonly string[];
  detected?: DetectedAccount;
  defaults: Pick<UserPreferences, 'format' | 'includeMedia' | 'pacing' | 'options'>;
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

export function ExportForm({ available, mediaTypes, knownMediaTypes, detected, defaults, saveTargets, busy, onStart }: ExportFormProps) {
  const [platform, setPlatform] = useState<PlatformId>(detected?.platform ?? available[0] ?? PLATFORM_DESCRIPTORS[0].id);
  const [format, setFormat] = useState<ExportFormat>(defaults.format);
  const [includeMedia, setIncludeMedia] = useState(defaults.includeMedia);
  const [options, setOptions] = useState<ExportOptions>(defaults.options);
  const [splitGB, setSplitGB] = useState<SplitGB | undefined>(undefined);
  const [saveTo, setSaveTo] = useState<SaveTarget>(saveTargets.connected.includes(saveTargets.preferred) ? saveTargets.preferred : 'downloads');
  const types = mediaTypes[platform] ?? [];
  const account = detected?.platform === platform ? detected.account : undefined;

  return (
    <form
      class="export-form"
      aria-describedby="account-line"
      onSubmit={(event) => {
        event.preventDefault();
        const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        onStart({
          platform,
          format,
          includeMedia,
          ...(account ? { account } : {}),
          ...optionsForPlatform(options, types, timeZone),
          ...(includeMedia && splitGB ? { splitGB } : {}),
          ...(saveTo === 'downloads' ? {} : { saveTo }),
        });
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
        <FormatSelect id="format" label="Export format" value={format} onChange={setFormat} />
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={includeMedia} onChange={(e) => setIncludeMedia(e.currentTarget.checked)} />
        <span>Include media files (images and videos)</span>
      </label>
      {/* Closed by default: the plain export stays one click. */}
      <details class="options-disclosure">
        <summary>Options</summary>
        <ExportOptionsFields idPrefix="export" types={types} knownTypes={knownMediaTypes} value={options} onChange={setOptions} withDates />
        <SplitSelect value={splitGB} disabled={!includeMedia} onChange={setSplitGB} />
        <SaveToSelect id="save-to" label="Save to" value={saveTo} connected={saveTargets.connected} onChange={setSaveTo} />
      </details>
      <PlatformInfoPanel platform={platform} pacing={defaults.pacing} />
      <CostEstimate platform={platform} account={account} pacing={defaults.pacing} />
      <button type="submit" class="primary" disabled={busy}>
        Start Export
      </button>
    </form>
  );
}
