import { createServer } from 'node:http';
import { listenLocally } from './localListener';
import type { RequestLog } from './request-log';

export interface PlainHttpCatchAll {
  port: number;
  close(): Promise<void>;
}

/**
 * Where the browser's cleartext requests (any host, port 80) end: each is logged with its host
 * and refused with 421, so a test sees every request that would have left unencrypted.
 */
export async function startPlainHttpCatchAll(log: RequestLog): Promise<PlainHttpCatchAll> {
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const logged = log.begin('api', host, req.method ?? 'GET', req.url ?? '/', { scheme: 'http' });
    res.on('close', () => logged.end(421));
    logged.respond(421);
    res.writeHead(421, { 'content-type': 'text/plain' }).end(`This server does not answer for http://${host}`);
  });
  const { port, close } = await listenLocally(server);
  return { port, close };
}
