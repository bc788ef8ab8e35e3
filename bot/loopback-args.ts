import type net from 'node:net';

const loopback = '127.0.0.1';

/** The arguments of `net.Server#listen` with the loopback interface put in where no host is named. */
export function onLoopback(args: unknown[]): unknown[] {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort)
    return typeof second === 'string' ? args : [Number(first), loopback, ...args.slice(1)];
  if (first === undefined || typeof first === 'function') return [0, loopback, ...args];
  if (typeof first === 'object' && first !== null && 'port' in first && !('host' in first)) {
    return [{ ...(first as net.ListenOptions), host: loopback }, ...args.slice(1)];
  }
  return args;
}
