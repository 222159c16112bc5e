import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { connectDropbox, disconnectDropbox, DROPBOX_ORIGINS, dropboxClientId, isDropboxConnected, watchDropboxConnected } from '../../upload/dropbox/dropboxAuth';
import { defaultSaveTarget } from '../../upload/saveTarget';

/** Connects Dropbox (its own sign-in window, PKCE) and disconnects it; shown when the build has an app key. */
export function DropboxAccount() {
  const [connected, setConnected] = useState<boolean>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    void isDropboxConnected().then(setConnected);
    return watchDropboxConnected(setConnected);
  }, []);
  if (!dropboxClientId() || connected === undefined) return null;

  const connect = () => {
    // Asked straight from the click: Chrome grants optional permissions only during a user gesture.
    void browser.permissions
      .request({ origins: DROPBOX_ORIGINS })
      .then(async (granted) => {
        if (!granted) {
          setMessage('Not connected: Star Export needs your permission to reach Dropbox.');
          return;
        }
        await connectDropbox();
        setMessage('Connected.');
      })
      .catch((error: Error) => setMessage(`Not connected: ${error.message}`));
  };
  const disconnect = () => {
    void disconnectDropbox()
      .then(async () => {
        if ((await defaultSaveTarget.getValue()) === 'dropbox') await defaultSaveTarget.setValue('downloads');
        await browser.permissions.remove({ origins: DROPBOX_ORIGINS }).catch(() => false);
        setMessage('Disconnected.');
      })
      .catch((error: Error) => setMessage(`Not disconnected: ${error.message}`));
  };

  return (
    <div class="dropbox-account" aria-labelledby="dropbox-title">
      <h3 id="dropbox-title">Dropbox</h3>
      <p>
        {connected ? 'Connected: exports go into Apps › Star Export in your Dropbox.' : 'Not connected.'}{' '}
        <button type="button" onClick={connected ? disconnect : connect}>
          {connected ? 'Disconnect' : 'Connect Dropbox'}
        </button>
      </p>
      <p class="muted hint">Star Export only reaches its own app folder. Its sign-in tokens are stored encrypted like the WebDAV password.</p>
      <p class="saved muted" role="status">
        {message}
      </p>
    </div>
  );
}
