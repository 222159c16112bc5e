import { createConnection, createServer } from 'node:net';
import { listenLocally } from '../../fake-platforms/server/localListener';

export interface DropProxy {
  port: number;
  /** Bytes clients sent through the proxy so far. */
  readonly bytesUp: number;
  /** Connections the proxy cut. */
  readonly dropped: number;
  /** The next connection that carries more than `bytes` from the client is cut there, once. */
  dropOnceAfter(bytes: number): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a local server that paces what clients send (so an upload lasts long
 * enough to interrupt) and can cut one connection mid-request, as a dropped Wi-Fi does.
 */
export async function startDropProxy(targetPort: number, { bytesPerSecond }: { bytesPerSecond: number }): Promise<DropProxy> {
  let bytesUp = 0;
  let dropped = 0;
  let dropAfter: number | undefined;
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    // Clients are the listener's own connections; upstreams are dropped with them on close.
    listener.track(upstream);
    let sent = 0;
    const started = Date.now();
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (data: Buffer) => {
      sent += data.length;
      bytesUp += data.length;
      if (dropAfter !== undefined && sent > dropAfter) {
        dropAfter = undefined;
        dropped += 1;
        end();
        return;
      }
      upstream.write(data);
      // Ahead of the pace: hold the client until the pace catches up.
      const due = started + (sent / bytesPerSecond) * 1000;
      if (due > Date.now()) {
        client.pause();
        setTimeout(() => client.resume(), due - Date.now());
      }
    });
    upstream.on('data', (data: Buffer) => client.write(data));
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  const listener = await listenLocally(server);
  return {
    port: listener.port,
    get bytesUp() {
      return bytesUp;
    },
    get dropped() {
      return dropped;
    },
    dropOnceAfter(bytes) {
      dropAfter = bytes;
    },
    close: listener.close,
  };
}
