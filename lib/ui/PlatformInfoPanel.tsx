import { PLATFORM_LABELS } from '../platforms/labels';
import type { PlatformId } from '../platforms/types';
import { formatLimit, platformInfo } from './platformInfo';

/** What an export of the chosen platform holds: media kinds, file formats, size limit. */
export function PlatformInfoPanel({ platform }: { platform: PlatformId }) {
  const info = platformInfo(platform);
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
      </dl>
    </section>
  );
}
