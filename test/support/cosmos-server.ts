import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { startStrictCosmos, type StrictCosmos } from './strict-cosmos';

/**
 * A Cosmos DB-compatible server in this process, over HTTPS with its own self-signed certificate:
 * cosmosdb-server behind the strict layer, so tests meet what Azure Cosmos DB refuses.
 */
export interface CosmosServer {
  endpoint: string;
  /** Any key works; the client needs one. */
  key: string;
  /** The strict layer the endpoint belongs to: its account settings and injected failures. */
  strict: StrictCosmos;
  /** cosmosdb-server itself, without the strict layer. */
  lenientEndpoint: string;
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
  const lenientEndpoint = `https://127.0.0.1:${port}/`;
  const strict = await startStrictCosmos(lenientEndpoint);
  return {
    endpoint: strict.endpoint,
    key: 'cosmosdb-server-accepts-any-key',
    strict,
    lenientEndpoint,
    stop: async () => {
      await strict.stop();
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A database name nobody else uses. */
export function freshDatabaseName(prefix = 'qm-test'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
