import { useEffect, useState } from 'preact/hooks';
import { isDropboxConnected, watchDropboxConnected } from '../upload/dropbox/dropboxAuth';
import { googleDriveAccount, watchGoogleDriveConnected } from '../upload/googleDrive/googleAuth';
import { defaultSaveTarget, isSaveTarget, type SaveTarget } from '../upload/saveTarget';
import { readWebdavAccount, watchWebdavAccount } from '../upload/webdav/webdavAccount';

export interface SaveTargets {
  /** The default from History & settings. */
  preferred: SaveTarget;
  /** Targets with an account connected (the downloads folder always is). */
  connected: SaveTarget[];
}

/** The default "Save to" and which targets are ready, kept current; undefined until read. */
export function useSaveTargets(): SaveTargets | undefined {
  const [preferred, setPreferred] = useState<SaveTarget>();
  const [webdav, setWebdav] = useState<boolean>();
  const [dropbox, setDropbox] = useState<boolean>();
  const [googleDrive, setGoogleDrive] = useState<boolean>();
  useEffect(() => {
    const take = (value: unknown) => setPreferred(isSaveTarget(value) ? value : 'downloads');
    void defaultSaveTarget.getValue().then(take);
    void readWebdavAccount().then((account) => setWebdav(account !== null));
    void isDropboxConnected().then(setDropbox);
    void googleDriveAccount().then(({ connected }) => setGoogleDrive(connected));
    const unwatch = [
      defaultSaveTarget.watch(take),
      watchWebdavAccount((account) => setWebdav(account !== null)),
      watchDropboxConnected(setDropbox),
      watchGoogleDriveConnected(setGoogleDrive),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  if (preferred === undefined || webdav === undefined || dropbox === undefined || googleDrive === undefined) return undefined;
  const connected: SaveTarget[] = ['downloads'];
  if (webdav) connected.push('webdav');
  if (googleDrive) connected.push('googleDrive');
  if (dropbox) connected.push('dropbox');
  return { preferred, connected };
}
