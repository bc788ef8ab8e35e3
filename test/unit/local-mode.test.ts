import assert from 'node:assert/strict';
import fs from 'node:fs';
import { playgroundFor } from '../../bot/local-playground';
import { playgroundCast } from '../../bot/playground';
import { sampleOrgFile } from '../../src/config';
import type { OrganisationInput } from '../../src/org/schema';
import { validateOrganisation } from '../../src/org/validate';
import { withPlaygroundLocale } from '../../bot/http/playground-locale';
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

describe('local mode reads the Playground in the configured locale', () => {
  const activity = (serviceUrl: string) => ({ serviceUrl, locale: 'en-US', text: 'hei' });

  it('replaces the en-US the Playground always sends', () => {
    const read = withPlaygroundLocale(activity('http://localhost:56150/_connector'), 'nb-NO');
    assert.deepEqual(read, {
      serviceUrl: 'http://localhost:56150/_connector',
      locale: 'nb-NO',
      text: 'hei',
    });
  });

  it('leaves every other sender, and a bot without the setting, as they are', () => {
    const teams = activity('https://smba.trafficmanager.net/emea/');
    assert.equal(withPlaygroundLocale(teams, 'nb-NO'), teams);
    const other = activity('http://127.0.0.1:4000/');
    assert.equal(withPlaygroundLocale(other, 'nb-NO'), other);
    const playground = activity('http://127.0.0.1:56150/_connector');
    assert.equal(withPlaygroundLocale(playground, undefined), playground);
  });
});

describe('local mode sends each message to the Playground where its reader is', () => {
  const org = (() => {
    const result = validateOrganisation(
      JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as OrganisationInput,
    );
    assert.ok(result.ok);
    return result.org;
  })();
  const cast = playgroundCast(org);

  it("posts to the triage channel in the superuser's Playground", () => {
    assert.equal(playgroundFor(cast, undefined), 'superuser');
  });

  it('starts a 1:1 chat in the Playground signed in as that person', () => {
    assert.equal(playgroundFor(cast, 'kari.nordmann@fylke.example'), 'employee');
    assert.equal(playgroundFor(cast, 'sverre.lunde@fylke.example'), 'superuser');
    assert.equal(playgroundFor(cast, 'torbjorn.aas@fylke.example'), 'coordinator');
  });

  it("sends what is for anyone else to the superuser's Playground, which lists them", () => {
    assert.equal(playgroundFor(cast, 'hilde.berg@fylke.example'), 'superuser');
  });
});
