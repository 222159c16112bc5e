import type { Server, Socket } from 'node:net';

export interface LocalListener {
  port: number;
  /** A socket the server did not accept itself (a proxy's upstream) to drop with the rest on close. */
  track(socket: Socket): void;
  close(): Promise<void>;
}

/**
 * Starts `server` on 127.0.0.1 (`port` 0: any free one). close() also destroys every open
 * connection: a browser's keep-alive sockets would otherwise hold server.close() open for ever.
 */
export async function listenLocally(server: Server, port = 0): Promise<LocalListener> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    track,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
