import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { FakeCookie } from '../fake-platforms/types';
import { listZip, readZipEntry, type ExtensionSession } from './harness';

/** A place that holds text, and the text. */
export interface Stored {
  where: string;
  text: string;
}

/** Secret values mapped to what they are: each given value, and its URL-decoded form, when long enough to be unmistakable. */
export class Secrets {
  readonly values = new Map<string, string>();

  add(name: string, value: string): this {
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // A value that is not valid percent-encoding is looked for as it is.
    }
    // Sessions repeat values under several names (SID, __Secure-1PSID): the first name is kept.
    for (const form of new Set([value, decoded])) if (form.length >= 8 && !this.values.has(form)) this.values.set(form, name);
    return this;
  }

  /** The cookies, but for those named in `publicNames` (a user's numeric id is in every export by right). */
  addCookies(cookies: readonly FakeCookie[], publicNames: readonly string[]): this {
    for (const cookie of cookies) if (!publicNames.includes(cookie.name)) this.add(cookie.name, cookie.value);
    return this;
  }

  /** "<where> holds <secret>" for each secret found in each place. */
  foundIn(places: readonly Stored[]): string[] {
    return places.flatMap(({ where, text }) => [...this.values].filter(([value]) => text.includes(value)).map(([, name]) => `${where} holds ${name}`));
  }
}

/**
 * Everything the extension keeps, read from one of its own pages: every IndexedDB store's records
 * (Blobs and buffers as text), chrome.storage local/session/sync, declarativeNetRequest rules,
 * and every OPFS file's name and content.
 */
export async function extensionStorage(session: ExtensionSession): Promise<Stored[]> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    return await page.evaluate(async () => {
      const texts: { where: string; text: string }[] = [];
      const seen = new Set<unknown>();
      async function flatten(value: unknown, out: string[]): Promise<void> {
        if (value === null || value === undefined) return;
        if (typeof value === 'string') return void out.push(value);
        if (typeof value !== 'object') return void out.push(String(value));
        if (seen.has(value)) return;
        seen.add(value);
        if (value instanceof Blob) return void out.push(value.size <= 64 * 1024 * 1024 ? await value.text() : `[blob ${value.size}]`);
        if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
          const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
          return void out.push(new TextDecoder('latin1').decode(bytes));
        }
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
          out.push(key);
          await flatten(inner, out);
        }
      }
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const records = await new Promise<unknown[]>((done, fail) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => done(request.result);
            request.onerror = () => fail(request.error);
          });
          const out: string[] = [];
          await flatten(records, out);
          texts.push({ where: `IndexedDB ${info.name}/${store} (${records.length} records)`, text: out.join('\n') });
        }
        db.close();
      }
      type Getter = { get(keys: null): Promise<unknown> };
      const chromeApi = (
        globalThis as unknown as {
          chrome: { storage: Record<string, Getter>; declarativeNetRequest: { getSessionRules(): Promise<unknown>; getDynamicRules(): Promise<unknown> } };
        }
      ).chrome;
      for (const area of ['local', 'session', 'sync']) {
        texts.push({ where: `chrome.storage.${area}`, text: JSON.stringify(await chromeApi.storage[area]!.get(null)) });
      }
      texts.push({ where: 'declarativeNetRequest session rules', text: JSON.stringify(await chromeApi.declarativeNetRequest.getSessionRules()) });
      texts.push({ where: 'declarativeNetRequest dynamic rules', text: JSON.stringify(await chromeApi.declarativeNetRequest.getDynamicRules()) });
      const names: string[] = [];
      async function walk(dir: FileSystemDirectoryHandle, path: string): Promise<void> {
        for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
          names.push(`${path}${name}`);
          if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${path}${name}/`);
          else {
            const out: string[] = [];
            await flatten(await (handle as FileSystemFileHandle).getFile(), out);
            texts.push({ where: `OPFS ${path}${name}`, text: out.join('') });
          }
        }
      }
      await walk(await navigator.storage.getDirectory(), '');
      texts.push({ where: 'OPFS file names', text: names.join('\n') });
      return texts;
    });
  } finally {
    await page.close();
  }
}

/** Every entry of a ZIP, decompressed, as Latin-1 text (bytes stay bytes). */
export async function zipContents(zipPath: string): Promise<Stored[]> {
  const stored: Stored[] = [];
  for (const entry of await listZip(zipPath)) {
    if (!entry.directory) stored.push({ where: `ZIP ${entry.name}`, text: new TextDecoder('latin1').decode(await readZipEntry(zipPath, entry.name)) });
  }
  return stored;
}

/**
 * Every file of the browser profile but Chromium's own cookie store (where cookies belong,
 * encrypted). LevelDB blocks may be compressed, so this backs up extensionStorage(), it does not
 * replace it.
 */
export async function profileFiles(userDataDir: string): Promise<Stored[]> {
  const chromiumOwn = /(^|\/)(Cookies|Cookies-journal)$/;
  const stored: Stored[] = [];
  for (const entry of await readdir(userDataDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const where = relative(userDataDir, file);
    if (chromiumOwn.test(where)) continue;
    const size = await stat(file).then((s) => s.size, () => 0);
    if (size === 0 || size > 256 * 1024 * 1024) continue;
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) stored.push({ where: `profile file ${where}`, text: bytes.toString('latin1') });
  }
  return stored;
}

/** Signed CDN URLs (Meta's `oh`/`oe`/`_nc_ohc`, YouTube's `sqp`/`rs`) in the ZIP's texts, with some context. */
export function signedUrls(places: readonly Stored[]): string[] {
  return places
    .filter((p) => /\.(json|html|csv)$/.test(p.where))
    .flatMap(({ where, text }) =>
      [...text.matchAll(/https:\/\/[^\s"'<]+(?:[?&]|&amp;)(?:oh|oe|_nc_ohc|sqp|rs)=/g)].map((m) => `${where}: …${text.slice(Math.max(0, m.index - 30), m.index + 60)}…`),
    );
}
