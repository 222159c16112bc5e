import { useState } from 'preact/hooks';
import { defaultSaveTarget } from '../../upload/saveTarget';
import { SaveToSelect } from '../SaveToSelect';
import { useSaveTargets } from '../useSaveTargets';
import { DropboxAccount } from './DropboxAccount';
import { GoogleDriveAccount } from './GoogleDriveAccount';
import { WebdavAccountForm } from './WebdavAccountForm';

/** The default "Save to" and the accounts it can use; accounts are connected here only. */
export function SaveToSettings() {
  const targets = useSaveTargets();
  const [message, setMessage] = useState('');
  if (!targets) return null;
  return (
    <div class="save-to">
      <SaveToSelect
        id="default-save-to"
        label="Save exports to"
        value={targets.preferred}
        connected={targets.connected}
        onChange={(target) =>
          void defaultSaveTarget
            .setValue(target)
            .then(() => setMessage('Saved.'))
            .catch((e: Error) => setMessage(`Not saved: ${e.message}`))
        }
      />
      <p class="saved muted" role="status">
        {message}
      </p>
      <WebdavAccountForm />
      <GoogleDriveAccount />
      <DropboxAccount />
    </div>
  );
}
