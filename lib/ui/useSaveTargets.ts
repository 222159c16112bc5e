import { useEffect, useState } from 'preact/hooks';
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
  useEffect(() => {
    const take = (value: unknown) => setPreferred(isSaveTarget(value) ? value : 'downloads');
    void defaultSaveTarget.getValue().then(take);
    void readWebdavAccount().then((account) => setWebdav(account !== null));
    const unwatchTarget = defaultSaveTarget.watch(take);
    const unwatchAccount = watchWebdavAccount((account) => setWebdav(account !== null));
    return () => {
      unwatchTarget();
      unwatchAccount();
    };
  }, []);
  if (preferred === undefined || webdav === undefined) return undefined;
  return { preferred, connected: webdav ? ['downloads', 'webdav'] : ['downloads'] };
}
