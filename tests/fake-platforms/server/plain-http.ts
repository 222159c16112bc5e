import { createServer } from 'node:http';
import type { Socket } from 'node:net';
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
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const logged = log.begin('api', host, req.method ?? 'GET', req.url ?? '/', { scheme: 'http' });
    res.on('close', () => logged.end(421));
    logged.respond(421);
    res.writeHead(421, { 'content-type': 'text/plain' }).end(`This server does not answer for http://${host}`);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
