import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SelfSignedCert {
  key: string;
  cert: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, what Chromium's --ignore-certificate-errors-spki-list wants. */
  spkiHash: string;
}

/** A fresh self-signed certificate for the given host patterns, made with the system's openssl CLI. */
export async function createSelfSignedCert(hostPatterns: readonly string[]): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-platforms-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const altNames = [...hostPatterns, 'localhost'].map((h) => `DNS:${h}`).concat('IP:127.0.0.1').join(',');
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyPath, '-out', certPath, '-days', '30',
      '-subj', '/CN=Star Export fake platforms',
      '-addext', `subjectAltName=${altNames}`,
      '-addext', 'extendedKeyUsage=serverAuth',
    ]);
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return { key, cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
