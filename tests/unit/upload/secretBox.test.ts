import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetSecretKey, openSecret, sealSecret } from '../../../lib/upload/secretBox';
import { readWebdavAccount, saveWebdavAccount, webdavCredentials } from '../../../lib/upload/webdav/webdavAccount';

describe('secretBox', () => {
  it('opens what it sealed, and the sealed form does not hold the secret', async () => {
    forgetSecretKey();
    const sealed = await sealSecret('correct horse battery staple');
    expect(JSON.stringify(sealed)).not.toContain('correct horse');
    expect(await openSecret(sealed)).toBe('correct horse battery staple');
    // A fresh IV each time: the same secret never seals to the same bytes.
    expect((await sealSecret('correct horse battery staple')).data).not.toBe(sealed.data);
  });

  it('refuses a sealed secret that was altered or sealed under another key', async () => {
    forgetSecretKey();
    const sealed = await sealSecret('app-password');
    const flipped = atob(sealed.data);
    const altered = { ...sealed, data: btoa(String.fromCharCode(flipped.charCodeAt(0) ^ 1) + flipped.slice(1)) };
    await expect(openSecret(altered)).rejects.toThrow();

    fakeBrowser.reset();
    forgetSecretKey();
    await expect(openSecret(sealed)).rejects.toThrow();
  });

  it('keeps the WebDAV app password only sealed in storage', async () => {
    forgetSecretKey();
    await saveWebdavAccount({ url: 'https://cloud.example.test/remote.php/dav/files/alice/Exports', user: ' alice ', password: 'xk2-very-secret' });
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain('xk2-very-secret');
    expect(await readWebdavAccount()).toMatchObject({ url: 'https://cloud.example.test/remote.php/dav/files/alice/Exports/', user: 'alice' });
    expect(await webdavCredentials()).toMatchObject({ user: 'alice', password: 'xk2-very-secret' });
  });

  it('refuses a server address with credentials in it or another scheme', async () => {
    await expect(saveWebdavAccount({ url: 'https://a:b@cloud.example.test/', user: 'a', password: 'b' })).rejects.toThrow(/own fields/);
    await expect(saveWebdavAccount({ url: 'ftp://cloud.example.test/', user: 'a', password: 'b' })).rejects.toThrow(/an https \(or http\) address/);
  });
});
