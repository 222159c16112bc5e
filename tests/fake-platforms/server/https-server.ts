import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Socket } from 'node:net';
import { listenLocally } from './localListener';
import type { SelfSignedCert } from './tls-cert';
import type { LoggedRequest, RequestLog } from './request-log';
import type { BodyCut, FaultInjector } from './faults';
import { hostMatches, text, type HostRoute, type Reply, type RequestContext } from './reply';

export interface FakeHttpsServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function killSocket(socket: Socket | null, cut: BodyCut): void {
  if (!socket) return;
  // reset: the peer sees the connection drop; truncate: an orderly close with bytes missing.
  if (cut === 'reset') socket.destroy();
  else socket.end();
}

/** Streams `body` until `limit` bytes, then drops the connection the way `cut` says. */
async function writeCut(body: Readable, res: ServerResponse, limit: number, cut: BodyCut, over: () => void): Promise<void> {
  let passed = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const piece = chunk.subarray(0, limit - passed);
    passed += piece.length;
    if (passed >= limit) {
      body.destroy();
      // The client gives up as soon as this piece and the close arrive: the response is over now.
      over();
      res.write(piece, () => killSocket(res.socket, cut));
      return;
    }
    if (!res.write(piece)) await once(res, 'drain');
  }
}

async function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply, cut: BodyCut | undefined, logged: LoggedRequest): Promise<void> {
  const headers = { ...reply.headers };
  const body = reply.body ?? '';
  if (!(body instanceof Readable) && headers['content-length'] === undefined) headers['content-length'] = Buffer.byteLength(body);
  logged.respond(reply.status);
  res.writeHead(reply.status, headers as Record<string, string | number | string[]>);
  if (req.method === 'HEAD') {
    if (body instanceof Readable) body.destroy();
    res.end();
    return;
  }
  if (!(body instanceof Readable)) {
    const bytes = Buffer.from(body);
    if (!cut) return void res.end(bytes);
    logged.end(reply.status);
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => killSocket(res.socket, cut));
    return;
  }
  if (!cut) {
    await pipeline(body, res).catch(() => undefined);
    return;
  }
  const length = Number(headers['content-length'] ?? 0) || 65_536;
  await writeCut(body, res, Math.floor(length / 2), cut, () => logged.end(reply.status)).catch(() => undefined);
}

export interface ServerDeps {
  cert: SelfSignedCert;
  port: number;
  routes: readonly HostRoute[];
  log: RequestLog;
  faults: FaultInjector;
}

/** One HTTPS server for every platform host; the Host header picks the route. */
export async function startHttpsServer(deps: ServerDeps): Promise<FakeHttpsServer> {
  const server = createServer({ key: deps.cert.key, cert: deps.cert.cert }, (req, res) => {
    void handle(deps, req, res);
  });
  const { port, close } = await listenLocally(server, deps.port);
  return { server, port, close };
}

/**
 * A response is over for the client as soon as its last byte is written: the client may then send
 * its next request before this server processes 'finish' or 'close', or even before a piped
 * source calls end(). Counting at the write that completes Content-Length keeps the in-flight
 * figure exact instead of occasionally one too high.
 */
function countAsOverWhenLastByteLeaves(res: ServerResponse, over: () => void): void {
  let written = 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let length = Number.NaN;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  // Headers given to writeHead() are not readable through getHeader(): take the length here.
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
    const declared = headers && Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    length = Number(declared ?? res.getHeader('content-length'));
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
  const count = (chunk: unknown) => {
    if (typeof chunk === 'string') written += Buffer.byteLength(chunk);
    else if (chunk instanceof Uint8Array) written += chunk.byteLength;
    if (Number.isFinite(length) && written >= length) over();
  };
  res.write = ((...args: unknown[]) => {
    count(args[0]);
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') count(args[0]);
    over();
    return end(...args);
  }) as ServerResponse['end'];
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(req.url ?? '/', `https://${host || 'invalid.host'}`);
  const route = deps.routes.find((r) => r.hosts.some((pattern) => hostMatches(pattern, host)));
  const kind = route?.kind ?? 'api';
  const logged = deps.log.begin(kind, host, req.method ?? 'GET', `${url.pathname}${url.search}`, { origin: req.headers.origin });
  countAsOverWhenLastByteLeaves(res, () => logged.end(res.statusCode));
  res.on('close', () => logged.end(res.statusCode));
  if (!route) {
    await writeReply(req, res, text(421, `This server does not answer for ${host}`), undefined, logged);
    return;
  }
  // The body is read once and kept: a GraphQL fault rule reads it before the route does.
  let body: Promise<Buffer> | undefined;
  const ctx: RequestContext = {
    req,
    method: req.method ?? 'GET',
    host,
    url,
    kind,
    receivedAt: Date.now(),
    readBody: (limit = 1_000_000) => (body ??= readBody(req, limit)),
  };
  try {
    const plan = await deps.faults.plan(ctx, route);
    if (plan.reply || plan.cut || plan.delayMs > 0) logged.markFaulted();
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    const reply = plan.reply ?? (await route.handle(ctx));
    await writeReply(req, res, reply, plan.cut, logged);
  } catch (error) {
    if (!res.headersSent) await writeReply(req, res, text(500, `fake platform error: ${String(error)}`), undefined, logged);
    else res.destroy();
  }
}
