import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../src/logger';
import type { Organisation, Person } from '../src/org/schema';

/**
 * The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground), a Teams emulator in
 * the browser, for local mode. Its config file (YAML; JSON is valid YAML) describes the tenant: the
 * signed-in user, exactly five other users, a personal chat, a group chat and one team with at
 * most one channel besides General. Field names are the tool's own, `userPrincipleName` included.
 */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

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

/** The playground takes exactly this many users besides the current one. */
const userCount = 5;

/** A stable UUID derived from a text, for ids the organisation file does not give. */
function derivedUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function playgroundUser(person: Pick<Person, 'email' | 'name' | 'aadObjectId'>): PlaygroundUser {
  const aadObjectId = person.aadObjectId ?? derivedUuid(person.email);
  const words = person.name.trim().split(/\s+/);
  return {
    id: `29:${aadObjectId}`,
    name: person.name,
    userPrincipleName: person.email,
    aadObjectId,
    givenName: words.length > 1 ? words.slice(0, -1).join(' ') : person.name,
    surname: words.length > 1 ? words[words.length - 1] : '',
    email: person.email,
  };
}

/** Whom a Playground signs in as: local mode runs one Playground per role. */
export const playgroundRoles = ['employee', 'superuser', 'coordinator'] as const;
export type PlaygroundRole = (typeof playgroundRoles)[number];

/** The people local mode lets a newcomer be, and the work area whose channel they share. */
export interface PlaygroundCast {
  employee: Person;
  /** A superuser of the employee's unit, when it has one. */
  superuser?: Person;
  /** A coordinator of the work area, when it has one. */
  coordinator?: Person;
  area: Organisation['workAreas'][number];
  /** Everyone else the Playgrounds list, in order: the employee's chain first. */
  others: Person[];
}

/**
 * Picks the cast: an ordinary employee (no role) of a unit with superusers, preferably in a work
 * area with a triage channel; a superuser of that unit; a coordinator of that work area; then
 * the system responsibles and colleagues.
 */
export function playgroundCast(org: Organisation): PlaygroundCast {
  const roleHolders = new Set([
    ...org.units.flatMap((u) => u.superusers),
    ...org.workAreas.flatMap((w) => w.coordinators),
    ...org.topics.flatMap((t) => t.systemResponsible),
    ...org.admins,
  ]);
  const unitOf = new Map(org.units.map((u) => [u.id, u]));
  const areaOf = new Map(org.workAreas.map((w) => [w.id, w]));
  const employeeScore = (p: Person): number => {
    const unit = unitOf.get(p.unit);
    const area = unit && areaOf.get(unit.workArea);
    return (unit?.superusers.length ? 2 : 0) + (area?.triageChannel ? 1 : 0);
  };
  const employees = org.people
    .filter((p) => !roleHolders.has(p.email))
    .sort((a, b) => employeeScore(b) - employeeScore(a));
  const fallback: Person = {
    email: 'medarbeider@example.com',
    name: 'Medarbeider',
    unit: org.units[0].id,
  };
  const employee = employees[0] ?? org.people[0] ?? fallback;
  const myUnit = unitOf.get(employee.unit);
  const myArea = (myUnit && areaOf.get(myUnit.workArea)) ?? org.workAreas[0];
  const area = myArea.triageChannel
    ? myArea
    : (org.workAreas.find((w) => w.triageChannel) ?? myArea);

  const byEmail = new Map(org.people.map((p) => [p.email, p]));
  const sameArea = (p: Person) => unitOf.get(p.unit)?.workArea === area.id;
  const superuser = (myUnit?.superusers ?? [])
    .map((email) => byEmail.get(email))
    .find((p) => p !== undefined);
  const coordinator = area.coordinators
    .map((email) => byEmail.get(email))
    .find((p) => p !== undefined && p.email !== superuser?.email);
  const others = new Map<string, Person>();
  for (const person of [
    ...(myUnit?.superusers ?? []).map((email) => byEmail.get(email)),
    ...area.coordinators.map((email) => byEmail.get(email)),
    ...org.topics.flatMap((t) => t.systemResponsible).map((email) => byEmail.get(email)),
    ...org.people.filter(sameArea),
    ...org.people,
  ]) {
    if (person && person.email !== employee.email) others.set(person.email, person);
  }
  return {
    employee,
    ...(superuser ? { superuser } : {}),
    ...(coordinator ? { coordinator } : {}),
    area,
    others: [...others.values()],
  };
}

/**
 * Maps an organisation onto one Playground: the current user is the cast's person in `role`
 * (by default the employee); the other users are the employee and that employee's chain (the
 * unit's superusers, the work area's coordinators, the system responsibles), then colleagues. The
 * team and its channel are the work area's triage channel, with the same ids as in the
 * organisation file, so the triage cards the bot posts there show up in the playground.
 */
export function playgroundConfig(
  org: Organisation,
  opts: { tenantId: string; botId: string; botName: string },
  role: PlaygroundRole = 'employee',
): PlaygroundConfig {
  const cast = playgroundCast(org);
  const { area } = cast;
  const me = cast[role] ?? cast.employee;
  const users = [cast.employee, ...cast.others]
    .filter((person) => person.email !== me.email)
    .slice(0, userCount)
    .map(playgroundUser);
  for (let n = users.length + 1; users.length < userCount; n++) {
    users.push(playgroundUser({ email: `testbruker${n}@example.com`, name: `Testbruker ${n}` }));
  }

  const teamId = area.triageChannel?.teamId ?? `19:${derivedUuid(`team:${area.id}`)}@thread.tacv2`;
  const channelId =
    area.triageChannel?.channelId ?? `19:${derivedUuid(`channel:${area.id}`)}@thread.tacv2`;
  return {
    version: '0.1.1',
    tenantId: opts.tenantId,
    bot: { id: opts.botId, name: opts.botName.slice(0, 42) },
    currentUser: playgroundUser(me),
    users,
    personalChat: { id: `a:${derivedUuid(`personal:${me.email}`)}` },
    groupChat: { id: `19:${derivedUuid(`group:${org.name}`)}@thread.v2`, name: 'Qm+ gruppechat' },
    team: {
      id: teamId,
      name: `Qm+ ${area.name}`,
      aadGroupId: derivedUuid(`group:${teamId}`),
      channels: [{ id: channelId, name: area.triageChannel?.name ?? 'Qm+ henvendelser' }],
    },
  };
}

/** Writes the playground config. JSON is valid YAML, so the file can keep the .yml name. */
export function writePlaygroundConfig(file: string, config: PlaygroundConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const header =
    '# Agents Playground tenant, generated from the organisation file at every start.\n';
  fs.writeFileSync(file, `${header}${JSON.stringify(config, null, 2)}\n`);
}

/** The playground's command-line entry point, or undefined when the package is not installed. */
function playgroundCli(): string | undefined {
  try {
    const manifest = require.resolve('@microsoft/m365agentsplayground/package.json');
    const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
      bin: Record<string, string>;
    };
    return path.join(path.dirname(manifest), bin.agentsplayground ?? 'cli.js');
  } catch {
    return undefined;
  }
}

/**
 * Starts the playground on `port` (it takes a free port if that one is busy), pointed at the bot,
 * without opening a browser or sending telemetry. Its output goes to the logger at debug, its
 * address at info. When the package is absent (a production install), it warns and does nothing.
 */
export function startPlayground(options: {
  botEndpoint: string;
  port: number;
  configPath: string;
  /** IANA time zone of the Playground's process, such as Europe/Oslo. */
  timeZone: string;
  logger: Logger;
  /** Who this Playground is for, in the line that gives its address. */
  describe?: string;
  /** Told the port the Playground listens on. */
  onListening?: (port: number) => void;
}): { stop(): void } {
  const { logger } = options;
  const cli = playgroundCli();
  if (!cli) {
    logger.warn(
      'The Agents Playground is not installed (it is a development dependency); the bot runs without it. Install dev dependencies or set PLAYGROUND=off.',
    );
    return { stop: () => undefined };
  }
  const args = ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port)];
  // The playground writes its errors only to its log file, not to its output: keep that file next
  // to its config (not in ./devTools) and read it back when the playground stops on its own.
  const logFile = options.configPath.replace(/\.yml$/, '') + '.log';
  fs.rmSync(logFile, { force: true });
  // Loopback only, and in the organisation's time zone: the Playground takes the time zone of the
  // activities it sends from its own process.
  const loopbackOnly = path.join(__dirname, 'loopback-only.js');
  const child = spawn(
    process.execPath,
    ['--require', loopbackOnly, cli, ...args, '--disable-telemetry'],
    {
      env: {
        ...process.env,
        TZ: options.timeZone,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.resolve(options.configPath),
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stopping = false;
  const log = (stream: NodeJS.ReadableStream) =>
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (/^error\b/i.test(line)) logger.warn({ output: line }, 'playground output');
      else logger.debug({ output: line }, 'playground output');
      const listening = /^Listening on (\d+)/.exec(line);
      if (listening) {
        const port = Number(listening[1]);
        options.onListening?.(port);
        logger.info(
          { url: `http://localhost:${port}` },
          `${['Agents Playground', options.describe].filter(Boolean).join(' ')} is running: open this address in a browser`,
        );
      }
    });
  log(child.stdout);
  log(child.stderr);
  child.on('error', (error) =>
    logger.warn({ err: error }, 'the Agents Playground could not start'),
  );
  child.on('exit', (code, signal) => {
    process.removeListener('exit', stop);
    if (stopping) return;
    const errors = fs.existsSync(logFile)
      ? fs
          .readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('error '))
          .map((line) => line.slice('error '.length))
      : [];
    logger.warn({ code, signal, errors, logFile }, 'the Agents Playground stopped');
  });
  function stop(): void {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  // Do not leave the playground holding its port when the bot process ends.
  process.once('exit', stop);
  return { stop };
}
