import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import { listenLocally } from './localListener';

export interface FakeProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A plain-HTTP forward proxy for real clients (gallery-dl, instaloader, yt-dlp): every CONNECT
 * tunnel and every absolute-URI request ends at the fake's HTTPS server on 127.0.0.1, whatever
 * host the client named, so nothing ever leaves the machine. `routes` sends the tunnels to a few
 * named hosts to another local HTTPS server instead (a second fake, such as Google's).
 */
export async function startProxy(port: number, httpsPort: number, routes: ReadonlyMap<string, number> = new Map()): Promise<FakeProxy> {
  const server = createServer((req, res) => forward(req, res, httpsPort));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    const upstream = connect(routes.get(host) ?? httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    listener.track(upstream);
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  // The tunnels open only once it listens, so `listener` is there for their upstreams.
  const listener = await listenLocally(server, port);
  return { port: listener.port, close: listener.close };
}

function forward(req: IncomingMessage, res: ServerResponse, httpsPort: number): void {
  let target: URL;
  try {
    target = new URL(req.url ?? '');
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('absolute URI required');
    return;
  }
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.hostname };
  delete headers['proxy-connection'];
  const upstream = httpsRequest(
    {
      host: '127.0.0.1',
      port: httpsPort,
      servername: target.hostname,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
      rejectUnauthorized: false,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}
