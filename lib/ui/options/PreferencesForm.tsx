import { useState } from 'preact/hooks';
import { PACING_CHOICES, RETENTION_DAY_CHOICES, userPreferences, type UserPreferences } from '../../export/userPreferences';
import { registeredAdapters } from '../../platforms/registry';
import type { MediaTypeChoice, PacingProfile } from '../../platforms/types';
import { FormatSelect } from '../FormatSelect';
import { ExportOptionsFields } from '../exportOptions/ExportOptionsFields';
import { ForgetExportedButton } from './ForgetExportedButton';

/** Every platform's media types once each ("Videos" of Instagram, Facebook and YouTube are one default). */
const ALL_MEDIA_TYPES: MediaTypeChoice[] = registeredAdapters()
  .flatMap((adapter) => adapter.mediaTypes)
  .filter((type, index, all) => all.findIndex((other) => other.id === type.id) === index);
const ALL_MEDIA_TYPE_IDS = ALL_MEDIA_TYPES.map((type) => type.id);

/** Defaults for the context menu and the popup, and how long finished exports are kept; saved on change. */
export function PreferencesForm({ preferences }: { preferences: UserPreferences }) {
  const [saved, setSaved] = useState('');
  const save = (changes: Partial<UserPreferences>) => {
    void userPreferences
      .setValue({ ...preferences, ...changes })
      .then(() => setSaved('Saved.'))
      .catch((e: Error) => setSaved(`Not saved: ${e.message}`));
  };
  return (
    <form class="preferences" onSubmit={(e) => e.preventDefault()}>
      <p class="muted hint">
        The context menu's “Export this account” on a platform page uses these; the popup starts with them chosen.
      </p>
      <FormatSelect id="default-format" label="Default export format" value={preferences.format} onChange={(format) => save({ format })} />
      <label class="checkbox">
        <input type="checkbox" checked={preferences.includeMedia} onChange={(e) => save({ includeMedia: e.currentTarget.checked })} />
        <span>Include media files by default</span>
      </label>
      <div class="field">
        <label for="retention">Keep finished exports for</label>
        <select id="retention" value={String(preferences.retentionDays)} onChange={(e) => save({ retentionDays: Number(e.currentTarget.value) })}>
          {RETENTION_DAY_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {days === 1 ? '1 day' : `${days} days`}
            </option>
          ))}
        </select>
        <span class="muted hint">After that, the ZIP and any leftover download data are removed from the extension's storage.</span>
      </div>
      <div class="field">
        <label for="pacing">Request pace</label>
        <select id="pacing" value={preferences.pacing} onChange={(e) => save({ pacing: e.currentTarget.value as PacingProfile })}>
          {PACING_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <span class="muted hint">
          How long exports wait between two requests to a platform. Platforms block accounts that ask too fast: Careful waits 6–12 s on
          Instagram and 3–6 s on Facebook, as the tools that avoid blocks do; Fast is quicker, at your account's risk.
        </span>
      </div>
      <details class="options-disclosure">
        <summary>Default export options</summary>
        <p class="muted hint">Where a platform has the type. The date range is chosen per export, in the popup.</p>
        <ExportOptionsFields
          idPrefix="default"
          types={ALL_MEDIA_TYPES}
          knownTypes={ALL_MEDIA_TYPE_IDS}
          value={preferences.options}
          onChange={(options) => save({ options })}
          withDates={false}
        />
      </details>
      <ForgetExportedButton />
      <p class="saved muted" role="status">
        {saved}
      </p>
    </form>
  );
}
