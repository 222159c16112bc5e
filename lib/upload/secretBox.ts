import { storage } from 'wxt/utils/storage';

/**
 * Secrets (a WebDAV app password, cloud tokens) are kept AES-GCM encrypted with a key the
 * extension generates and stores apart from them. What that protects against: the secret never
 * sits in clear text in the profile's files, so software or a person skimming them (a backup, a
 * sync tool, a support dump of one storage file) does not read it. It does not protect against
 * anyone with the whole browser profile or this extension's code running: they have the key too.
 */
export interface SealedSecret {
  /** base64 of the 12-byte IV and of the ciphertext with its tag. */
  iv: string;
  data: string;
}

const secretKey = storage.defineItem<string | null>('local:secretKey', { fallback: null });

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let keyPromise: Promise<CryptoKey> | undefined;

async function loadOrCreateKey(): Promise<CryptoKey> {
  const stored = await secretKey.getValue();
  if (stored) return crypto.subtle.importKey('raw', fromBase64(stored), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  await secretKey.setValue(toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key))));
  return key;
}

function extensionKey(): Promise<CryptoKey> {
  keyPromise ??= loadOrCreateKey().catch((error: unknown) => {
    keyPromise = undefined;
    throw error;
  });
  return keyPromise;
}

/** Forgets the cached key; tests use it after clearing storage. */
export function forgetSecretKey(): void {
  keyPromise = undefined;
}

export async function sealSecret(plain: string): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await extensionKey(), new TextEncoder().encode(plain));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the secret was sealed with another key or altered (AES-GCM checks its tag). */
export async function openSecret(sealed: SealedSecret): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, await extensionKey(), fromBase64(sealed.data));
  return new TextDecoder().decode(plain);
}
