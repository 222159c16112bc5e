import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createSelfSignedCert } from '../../fake-platforms/server/tls-cert';
import { FakeGoogleDrive } from '../../unit/upload/fakeGoogleDrive';

const GOOGLE_HOSTS = ['accounts.google.com', 'oauth2.googleapis.com', 'www.googleapis.com'];

export interface GoogleDriveServer {
  readonly drive: FakeGoogleDrive;
  /** Chromium flags' pieces: the resolver rules sending Google's hosts here, and the certificate to trust. */
  readonly resolverRules: string;
  readonly spkiHash: string;
  /** How long each chunk takes to be answered, as over a slow uplink. */
  chunkDelayMs: number;
  /** Chunks received and not yet answered. */
  readonly chunksInFlight: number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The fake Google (sign-in, revoke, Drive v3) of the unit tests served over HTTPS under Google's
 * real host names. The sign-in page answers at once, as Google does for a user who is signed in
 * and has consented: a redirect to the extension's chromiumapp.org address with the token.
 */
export async function startGoogleDriveServer(): Promise<GoogleDriveServer> {
  const cert = await createSelfSignedCert(GOOGLE_HOSTS);
  const drive = new FakeGoogleDrive();
  const sockets = new Set<Socket>();
  const state = { chunkDelayMs: 0, chunksInFlight: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = `https://${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url ?? '/'}`;
    const body = await readBody(req);
    if (url.startsWith('https://accounts.google.com/o/oauth2/v2/auth')) {
      try {
        const location = drive.authorize(url, new URL(url).searchParams.get('prompt') !== 'none');
        res.writeHead(302, { Location: location }).end();
      } catch (error) {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end((error as Error).message);
      }
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const method = req.method ?? 'GET';
    const chunk = method === 'PUT' && !(headers.get('content-range') ?? '').startsWith('bytes */');
    if (chunk) state.chunksInFlight += 1;
    try {
      if (chunk && state.chunkDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.chunkDelayMs));
      await answer(url, method, headers, body, req, res);
    } finally {
      if (chunk) state.chunksInFlight -= 1;
    }
  };

  const answer = async (url: string, method: string, headers: Headers, body: Buffer, req: IncomingMessage, res: ServerResponse) => {
    const textual = /json|x-www-form-urlencoded/.test(headers.get('content-type') ?? '');
    let response: Response;
    try {
      response = await drive.fetch(url, { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : textual ? body.toString() : new Uint8Array(body) });
    } catch {
      // A lost answer: the request was handled, the connection drops before the reply.
      req.socket.destroy();
      return;
    }
    const answer = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = { 'Content-Length': String(answer.length) };
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    res.writeHead(response.status, out).end(answer);
  };

  const server: Server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => void handle(req, res));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    drive,
    get chunkDelayMs() {
      return state.chunkDelayMs;
    },
    set chunkDelayMs(ms: number) {
      state.chunkDelayMs = ms;
    },
    get chunksInFlight() {
      return state.chunksInFlight;
    },
    resolverRules: GOOGLE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', '),
    spkiHash: cert.spkiHash,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
