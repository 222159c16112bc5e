import { useState } from 'preact/hooks';
import { backgroundClient } from '../../messaging/clients';

/** Clears what earlier exports delivered, so the next "Only new since last export" is a full export again. */
export function ForgetExportedButton() {
  const [said, setSaid] = useState('');
  return (
    <div class="field">
      <button
        type="button"
        onClick={() => {
          void backgroundClient
            .send('forgetExportedItems')
            .then(() => setSaid('Forgotten: the next “Only new” export of each account is a full one.'))
            .catch((e: Error) => setSaid(`Not forgotten: ${e.message}`));
        }}
      >
        Forget what was exported
      </button>
      <span class="muted hint">“Only new since last export” leaves out what earlier exports of the account delivered; this forgets it for every account.</span>
      <p class="muted" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
