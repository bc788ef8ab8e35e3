import net from 'node:net';
import { onLoopback } from './loopback-args';

/**
 * Preloaded (`node --require`) into the Agents Playground in local mode. The Playground has no
 * setting for the interface it listens on and listens on all of them; local mode promises loopback
 * only, so every server in that process that names no host listens on 127.0.0.1 instead.
 */
const prototype = net.Server.prototype as unknown as {
  listen: (this: net.Server, ...args: unknown[]) => net.Server;
};
const listen = prototype.listen;

prototype.listen = function (this: net.Server, ...args: unknown[]): net.Server {
  return listen.apply(this, onLoopback(args));
};
