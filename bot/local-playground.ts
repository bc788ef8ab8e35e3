import fs from 'node:fs';
import path from 'node:path';
import { playgroundTenantId, type Config } from '../src/config';
import type { Logger } from '../src/logger';
import { parseOrganisation } from '../src/org/validate';
import {
  playgroundCast,
  playgroundConfig,
  playgroundRoles,
  startPlayground,
  writePlaygroundConfig,
  type PlaygroundCast,
  type PlaygroundRole,
} from './playground';

/** What each Playground is, for the log: roles, never names. */
const roleDescriptions: Record<PlaygroundRole, string> = {
  employee: 'an employee who asks',
  superuser: "a superuser of the employee's unit, who sees the triage channel",
  coordinator: "the coordinator of the employee's work area",
};

/** The running Playgrounds of local mode. */
export interface LocalPlaygrounds {
  /**
   * Where to reach a person (by person key): the Playground signed in as them; without a person,
   * or for anyone else, the one that shows the triage channel. Undefined until it listens.
   */
  serviceUrl(personKey?: string): string | undefined;
  stop(): void;
}

/**
 * The Playground a message for `personKey` belongs in: that person's own, else the one that shows
 * the triage channel (the superuser's, or the employee's when the unit has no superuser).
 */
export function playgroundFor(cast: PlaygroundCast, personKey: string | undefined): PlaygroundRole {
  const own = playgroundRoles.find(
    (role) => personKey !== undefined && cast[role]?.email.toLowerCase() === personKey,
  );
  return own ?? (cast.superuser ? 'superuser' : 'employee');
}

/**
 * Local mode: starts the Agents Playground, a Teams emulator in the browser, once per role (the
 * employee on PLAYGROUND_PORT, the superuser and the coordinator on the next ports), each signed
 * in as that person of the sample organisation and pointed at this bot. They share the work
 * area's team: its channel, where the triage cards go, is shown by the superuser's Playground.
 */
export async function startLocalPlayground(options: {
  config: Config;
  logger: Logger;
}): Promise<LocalPlaygrounds | undefined> {
  const { config, logger } = options;
  if (!config.orgFile) return undefined;
  const parsed = parseOrganisation(await fs.promises.readFile(config.orgFile, 'utf8'));
  if (!parsed.ok) return undefined;
  const cast = playgroundCast(parsed.org);
  const roles = playgroundRoles.filter((role) => cast[role] !== undefined);
  const dataDir = path.resolve(path.dirname(config.store.sqlitePath));
  const timeZone = parsed.org.calendar === '24/7' ? 'Europe/Oslo' : parsed.org.calendar.timeZone;
  const botHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const listening = new Map<PlaygroundRole, number>();
  const running = roles.map((role, index) => {
    const configPath = path.join(dataDir, `playground-${role}.yml`);
    writePlaygroundConfig(
      configPath,
      playgroundConfig(
        parsed.org,
        { tenantId: playgroundTenantId, botId: 'qm-hjelp', botName: 'Qm+ Hjelp' },
        role,
      ),
    );
    return startPlayground({
      botEndpoint: `http://${botHost}:${config.port}/api/messages`,
      port: config.playground.port + index,
      configPath,
      timeZone,
      logger: logger.child({ playground: role }),
      describe: `for ${roleDescriptions[role]}`,
      onListening: (port) => listening.set(role, port),
    });
  });
  return {
    serviceUrl: (personKey) => {
      const port = listening.get(playgroundFor(cast, personKey));
      return port === undefined ? undefined : `http://localhost:${port}/_connector`;
    },
    stop: () => running.forEach((playground) => playground.stop()),
  };
}
