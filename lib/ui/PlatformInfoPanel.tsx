import { PACING_CHOICES } from '../export/userPreferences';
import { PLATFORM_LABELS } from '../platforms/labels';
import type { PacingProfile, PlatformId } from '../platforms/types';
import { formatLimit, formatPause, platformInfo } from './platformInfo';

/** What an export of the chosen platform holds (media kinds, file formats, size limit), and the pace it goes at. */
export function PlatformInfoPanel({ platform, pacing }: { platform: PlatformId; pacing: PacingProfile }) {
  const info = platformInfo(platform);
  const pause = info.pacing[pacing];
  const profile = PACING_CHOICES.find((choice) => choice.value === pacing)?.label ?? pacing;
  return (
    <section class="info-panel" aria-labelledby="info-title">
      <h2 id="info-title">{PLATFORM_LABELS[platform]} exports contain</h2>
      <dl>
        <dt>Media</dt>
        <dd>{info.mediaKinds}</dd>
        <dt>File formats</dt>
        <dd>{info.formats.map((f) => f.toUpperCase()).join(', ')}</dd>
        <dt>Max file size</dt>
        <dd>{formatLimit(info.maxBytes)} per file</dd>
        {pause && (
          <>
            <dt>Pace</dt>
            <dd class="pace">
              {profile}: {formatPause(pause)} between requests to {PLATFORM_LABELS[platform]} (change it in History &amp; settings)
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
