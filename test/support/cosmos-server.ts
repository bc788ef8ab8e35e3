import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** A Cosmos DB-compatible server in this process, over HTTPS with its own self-signed certificate. */
export interface CosmosServer {
  endpoint: string;
  /** Any key works; the client needs one. */
  key: string;
  stop(): Promise<void>;
}

export async function startCosmosServer(): Promise<CosmosServer> {
  const server = createHttpsServer();
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    key: 'cosmosdb-server-accepts-any-key',
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A database name nobody else uses. */
export function freshDatabaseName(prefix = 'qm-test'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
