import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { defaultSaveTarget } from '../../upload/saveTarget';
import {
  normalizeWebdavUrl,
  originPattern,
  readWebdavAccount,
  removeWebdavAccount,
  saveWebdavAccount,
  watchWebdavAccount,
  type StoredWebdavAccount,
} from '../../upload/webdav/webdavAccount';

/** Connects and disconnects the WebDAV server exports can be saved to. */
export function WebdavAccountForm() {
  const [account, setAccount] = useState<StoredWebdavAccount | null>();
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    void readWebdavAccount().then(setAccount);
    return watchWebdavAccount(setAccount);
  }, []);
  if (account === undefined) return null;

  const connect = (event: Event) => {
    event.preventDefault();
    let origin: string;
    try {
      origin = originPattern(normalizeWebdavUrl(url));
    } catch (error) {
      setMessage((error as Error).message);
      return;
    }
    // Asked straight from the click: Chrome grants optional permissions only during a user gesture.
    void browser.permissions
      .request({ origins: [origin] })
      .then(async (granted) => {
        if (!granted) {
          setMessage(`Not connected: Star Export needs your permission to reach ${new URL(url).origin}.`);
          return;
        }
        await saveWebdavAccount({ url, user, password });
        setPassword('');
        setMessage('Connected.');
      })
      .catch((error: Error) => setMessage(`Not connected: ${error.message}`));
  };

  const disconnect = () => {
    const origin = account ? originPattern(account.url) : undefined;
    void removeWebdavAccount()
      .then(async () => {
        if ((await defaultSaveTarget.getValue()) === 'webdav') await defaultSaveTarget.setValue('downloads');
        // A required host permission (a managed install's) cannot be removed; the account still goes.
        if (origin) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
        setMessage('Disconnected.');
      })
      .catch((error: Error) => setMessage(`Not disconnected: ${error.message}`));
  };

  return (
    <form class="webdav-account" aria-labelledby="webdav-title" onSubmit={connect}>
      <h3 id="webdav-title">WebDAV server (Nextcloud, ownCloud, …)</h3>
      {account ? (
        <p>
          Connected to <strong>{account.url}</strong> as <strong>{account.user}</strong>.{' '}
          <button type="button" onClick={disconnect}>
            Disconnect
          </button>
        </p>
      ) : (
        <>
          <div class="field">
            <label for="webdav-url">Folder address</label>
            <input id="webdav-url" type="url" required placeholder="https://cloud.example.com/remote.php/dav/files/you/Exports/" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="webdav-user">User name</label>
            <input id="webdav-user" required autocomplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="webdav-password">App password</label>
            <input id="webdav-password" type="password" required autocomplete="off" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <button type="submit">Connect</button>
        </>
      )}
      <p class="muted hint">
        Use an app password (Nextcloud: Settings → Security → Devices &amp; sessions), not your main one. It is stored encrypted with a key
        this extension keeps: that keeps it out of plain sight in your browser profile's files, but anyone with your whole browser profile
        can still recover it. It never goes into an export or a log.
      </p>
      <p class="saved muted" role="status">
        {message}
      </p>
    </form>
  );
}
