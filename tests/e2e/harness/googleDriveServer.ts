import { FakeGoogleDrive } from '../../unit/upload/fakeGoogleDrive';
import { fetchInit, serveOverHttps, SlowAnswers } from './httpsFetchServer';

export const GOOGLE_HOSTS = ['accounts.google.com', 'oauth2.googleapis.com', 'www.googleapis.com'];

export interface GoogleDriveServer {
  readonly drive: FakeGoogleDrive;
  /** Chromium flags' pieces: the resolver rules sending Google's hosts here, and the certificate to trust. */
  readonly resolverRules: string;
  readonly spkiHash: string;
  /** Its port on 127.0.0.1, for Firefox's proxy (which routes GOOGLE_HOSTS here). */
  readonly port: number;
  /** Chunks: how long each takes to be answered, and how many are on their way. */
  readonly chunks: SlowAnswers;
  close(): Promise<void>;
}

/**
 * The fake Google (sign-in, revoke, Drive v3) of the unit tests served over HTTPS under Google's
 * real host names. The sign-in page answers at once, as Google does for a user who is signed in
 * and has consented: a redirect to the extension's chromiumapp.org address with the token.
 */
export async function startGoogleDriveServer(): Promise<GoogleDriveServer> {
  const drive = new FakeGoogleDrive();
  const chunks = new SlowAnswers();

  const server = await serveOverHttps(GOOGLE_HOSTS, async (request) => {
    const { url, method, headers } = request;
    if (url.startsWith('https://accounts.google.com/o/oauth2/v2/auth')) {
      try {
        const location = drive.authorize(url, new URL(url).searchParams.get('prompt') !== 'none');
        return new Response(null, { status: 302, headers: { Location: location } });
      } catch (error) {
        return new Response((error as Error).message, { status: 400, headers: { 'Content-Type': 'text/plain' } });
      }
    }
    const chunk = method === 'PUT' && !(headers.get('content-range') ?? '').startsWith('bytes */');
    const respond = () => drive.fetch(url, fetchInit(request));
    return chunk ? chunks.answer(respond) : respond();
  });

  return {
    drive,
    chunks,
    resolverRules: server.resolverRules,
    spkiHash: server.spkiHash,
    port: server.port,
    close: () => server.close(),
  };
}
