import { FakeDropbox } from '../../unit/upload/fakeDropbox';
import { fetchInit, serveOverHttps, SlowAnswers } from './httpsFetchServer';

export const DROPBOX_HOSTS = ['www.dropbox.com', 'api.dropboxapi.com', 'content.dropboxapi.com'];

export interface DropboxServer {
  readonly dropbox: FakeDropbox;
  /** Chromium flags' pieces: the resolver rules sending Dropbox's hosts here, and the certificate to trust. */
  readonly resolverRules: string;
  readonly spkiHash: string;
  /** Its port on 127.0.0.1, for Firefox's proxy (which routes DROPBOX_HOSTS here). */
  readonly port: number;
  /** Appends with bytes: how long each takes to be answered, and how many are on their way. */
  readonly appends: SlowAnswers;
  close(): Promise<void>;
}

/**
 * The fake Dropbox (sign-in, OAuth token and revoke, upload sessions) of the unit tests served over
 * HTTPS under Dropbox's real host names. The authorize page answers at once, as Dropbox does for a
 * user who is signed in and approves the app: a redirect to the extension's chromiumapp.org
 * address with the code.
 */
export async function startDropboxServer(): Promise<DropboxServer> {
  const dropbox = new FakeDropbox();
  const appends = new SlowAnswers();

  const server = await serveOverHttps(DROPBOX_HOSTS, async (request) => {
    const { url } = request;
    if (url.startsWith('https://www.dropbox.com/oauth2/authorize')) {
      try {
        return new Response(null, { status: 302, headers: { Location: dropbox.authorize(url) } });
      } catch (error) {
        return new Response(`Error (400): ${(error as Error).message}`, { status: 400, headers: { 'Content-Type': 'text/plain' } });
      }
    }
    const append = url.endsWith('/2/files/upload_session/append_v2') && request.body.length > 0;
    const respond = () => dropbox.fetch(url, fetchInit(request));
    return append ? appends.answer(respond) : respond();
  });

  return {
    dropbox,
    appends,
    resolverRules: server.resolverRules,
    spkiHash: server.spkiHash,
    port: server.port,
    close: () => server.close(),
  };
}
