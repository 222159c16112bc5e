import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  connectGoogleDrive,
  disconnectGoogleDrive,
  GOOGLE_DRIVE_ORIGINS,
  googleClientId,
  googleDriveAccount,
  watchGoogleDriveConnected,
} from '../../upload/googleDrive/googleAuth';
import { defaultSaveTarget } from '../../upload/saveTarget';

/** Connects Google Drive (Google's own sign-in window, drive.file only) and disconnects it; shown when the build has a client id. */
export function GoogleDriveAccount() {
  const [account, setAccount] = useState<{ connected: boolean; account?: string }>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    const read = () => void googleDriveAccount().then(setAccount);
    read();
    return watchGoogleDriveConnected(read);
  }, []);
  if (!googleClientId() || account === undefined) return null;

  const connect = () => {
    // Asked straight from the click: Chrome grants optional permissions only during a user gesture.
    void browser.permissions
      .request({ origins: GOOGLE_DRIVE_ORIGINS })
      .then(async (granted) => {
        if (!granted) {
          setMessage('Not connected: Star Export needs your permission to reach Google Drive.');
          return;
        }
        await connectGoogleDrive();
        setMessage('Connected.');
      })
      .catch((error: Error) => setMessage(`Not connected: ${error.message}`));
  };
  const disconnect = () => {
    void disconnectGoogleDrive()
      .then(async () => {
        if ((await defaultSaveTarget.getValue()) === 'googleDrive') await defaultSaveTarget.setValue('downloads');
        await browser.permissions.remove({ origins: GOOGLE_DRIVE_ORIGINS });
        setMessage('Disconnected.');
      })
      .catch((error: Error) => setMessage(`Not disconnected: ${error.message}`));
  };

  return (
    <div class="google-drive-account" aria-labelledby="google-drive-title">
      <h3 id="google-drive-title">Google Drive</h3>
      <p>
        {account.connected ? `Connected${account.account ? ` as ${account.account}` : ''}: each export goes into a folder named after it.` : 'Not connected.'}{' '}
        <button type="button" onClick={account.connected ? disconnect : connect}>
          {account.connected ? 'Disconnect' : 'Connect Google Drive'}
        </button>
      </p>
      <p class="muted hint">
        Star Export sees only the files it creates in your Drive. Google gives it an hour-long sign-in at a time, renewed while you stay signed in to
        Google in this browser; if it cannot be renewed, the upload stops and asks you to connect again.
      </p>
      <p class="saved muted" role="status">
        {message}
      </p>
    </div>
  );
}
