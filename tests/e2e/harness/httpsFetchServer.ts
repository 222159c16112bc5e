import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocally } from '../../fake-platforms/server/localListener';
import { createSelfSignedCert } from '../../fake-platforms/server/tls-cert';

/** One request as a fake API sees it: the URL under the real host name it was sent to. */
export interface FakeApiRequest {
  url: string;
  method: string;
  headers: Headers;
  body: Buffer;
}

export interface HttpsFetchServer {
  /** Chromium flags' pieces: the resolver rules sending `hosts` here, and the certificate to trust. */
  readonly resolverRules: string;
  readonly spkiHash: string;
  /** Where it listens on 127.0.0.1, for a proxy that sends `hosts` here (Firefox has no resolver rules). */
  readonly port: number;
  close(): Promise<void>;
}

/** The RequestInit a fake's `fetch` expects: text bodies (JSON, forms) as strings, others as bytes. */
export function fetchInit({ method, headers, body }: FakeApiRequest): RequestInit {
  const textual = /json|x-www-form-urlencoded/.test(headers.get('content-type') ?? '');
  return { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : textual ? body.toString() : new Uint8Array(body) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Serves a fake API written as `fetch`-like handler over HTTPS under real host names (a
 * self-signed certificate for `hosts`). A handler that throws is a lost answer: the request was
 * handled and the connection drops before the reply.
 */
export async function serveOverHttps(hosts: string[], handler: (request: FakeApiRequest) => Promise<Response>): Promise<HttpsFetchServer> {
  const cert = await createSelfSignedCert(hosts);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = `https://${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url ?? '/'}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    let response: Response;
    try {
      response = await handler({ url, method: req.method ?? 'GET', headers, body: await readBody(req) });
    } catch {
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

  const server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => void handle(req, res));
  const { port, close } = await listenLocally(server);
  return {
    resolverRules: hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', '),
    spkiHash: cert.spkiHash,
    port,
    close,
  };
}

/** Answers held back as over a slow uplink, and how many are on their way: a test stops the worker while one is. */
export class SlowAnswers {
  delayMs = 0;
  inFlight = 0;

  async answer(respond: () => Promise<Response>): Promise<Response> {
    this.inFlight += 1;
    try {
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      return await respond();
    } finally {
      this.inFlight -= 1;
    }
  }
}
