import assert from 'node:assert/strict';
import { onLoopback } from '../../bot/loopback-args';

describe('local mode keeps the Playground on loopback', () => {
  const callback = () => undefined;

  it('puts 127.0.0.1 in where a server names only a port', () => {
    assert.deepEqual(onLoopback([56150, callback]), [56150, '127.0.0.1', callback]);
    assert.deepEqual(onLoopback(['56150']), [56150, '127.0.0.1']);
    assert.deepEqual(onLoopback([{ port: 8080 }, callback]), [
      { port: 8080, host: '127.0.0.1' },
      callback,
    ]);
  });

  it('puts 127.0.0.1 in for a server that names nothing', () => {
    assert.deepEqual(onLoopback([]), [0, '127.0.0.1']);
    assert.deepEqual(onLoopback([callback]), [0, '127.0.0.1', callback]);
  });

  it('leaves a named host, a socket path and a handle as they are', () => {
    assert.deepEqual(onLoopback([3000, '0.0.0.0', callback]), [3000, '0.0.0.0', callback]);
    assert.deepEqual(onLoopback([{ port: 1, host: '::1' }]), [{ port: 1, host: '::1' }]);
    assert.deepEqual(onLoopback(['/tmp/socket']), ['/tmp/socket']);
    const handle = { fd: 3 };
    assert.deepEqual(onLoopback([handle]), [handle]);
  });
});
