import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../src/logger';
import type { Organisation, Person } from '../src/org/schema';

/** The Agents Playground's configuration file (JSON is valid YAML). */
export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

const playgroundUserCount = 5;

function playgroundUser(person: Person, index: number): PlaygroundUser {
  const parts = person.name.split(' ');
  return {
    id: `user-id-${index}`,
    name: person.name,
    userPrincipleName: person.email,
    aadObjectId: person.aadObjectId ?? `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    givenName: parts.slice(0, -1).join(' ') || person.name,
    surname: parts.at(-1) ?? '',
    email: person.email,
  };
}

/**
 * Maps the organisation onto the Playground: its people become the Playground's users, with an
 * ordinary employee (no role) as the one chatting, and the first triage channel becomes the team's.
 */
export function playgroundConfig(
  org: Organisation,
  options: { tenantId: string; botId: string; botName: string },
): PlaygroundConfig {
  const roleHolders = new Set([
    ...org.units.flatMap((u) => u.superusers),
    ...org.workAreas.flatMap((w) => w.coordinators),
    ...org.topics.flatMap((t) => t.systemResponsible),
    ...org.admins,
  ]);
  const employee = org.people.find((p) => !roleHolders.has(p.email)) ?? org.people[0];
  if (!employee) throw new Error('The organisation lists nobody to chat as');
  // The Playground takes exactly five other users: the people the employee's questions reach first.
  const unit = org.units.find((u) => u.id === employee.unit);
  const area = org.workAreas.find((w) => w.id === unit?.workArea) ?? org.workAreas.find((w) => w.triageChannel);
  const chain = [
    ...(unit?.superusers ?? []),
    ...(area?.coordinators ?? []),
    ...org.topics.flatMap((t) => t.systemResponsible),
  ];
  const ranked = [
    ...chain.flatMap((email) => org.people.filter((p) => p.email === email)),
    ...org.people,
  ].filter((p) => p !== employee);
  const others = [...new Set(ranked)].slice(0, playgroundUserCount);
  return {
    version: '0.1.1',
    tenantId: options.tenantId,
    bot: { id: options.botId, name: options.botName },
    currentUser: playgroundUser(employee, 0),
    users: others.map((p, i) => playgroundUser(p, i + 1)),
    personalChat: { id: 'personal-chat-id' },
    groupChat: { id: 'group-chat-id', name: 'Qm+' },
    team: {
      id: area?.triageChannel?.teamId ?? 'team-id',
      name: area?.name ?? org.name,
      aadGroupId: '00000000-0000-4000-8000-000000000031',
      channels: area?.triageChannel
        ? [{ id: area.triageChannel.channelId, name: area.triageChannel.name ?? area.name }]
        : [{ id: 'channel-general-id', name: 'General' }],
    },
  };
}

export function writePlaygroundConfig(file: string, config: PlaygroundConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** Starts the Playground next to the bot; a production install without it just logs a warning. */
export function startPlayground(options: {
  botEndpoint: string;
  port: number;
  configPath: string;
  logger: Logger;
}): { stop(): void } | undefined {
  const { logger } = options;
  let cli: string;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    logger.warn('The Agents Playground is not installed (a development dependency); running without it');
    return undefined;
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(path.dirname(options.configPath), 'playground.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const relay = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n').filter((l) => l.trim())) {
      if (/^error\b/i.test(line)) logger.warn({ playground: line }, 'playground');
      else logger.debug({ playground: line }, 'playground');
    }
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  child.on('exit', (code) => logger.info({ code }, 'Agents Playground stopped'));
  logger.info(
    { url: `http://127.0.0.1:${options.port}` },
    'Agents Playground: open this address in a browser to chat with the bot',
  );
  return { stop: () => child.kill('SIGTERM') };
}
