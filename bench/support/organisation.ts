import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleOrgFile } from '../../src/config';
import type { Organisation, Person } from '../../src/org/schema';

/** One person who asks in the benchmark, as Teams identifies them. */
export interface Asker {
  name: string;
  email: string;
  aadObjectId: string;
  teamsId: string;
}

/**
 * The sample organisation with `count` generated employees spread over its units, on a 24/7
 * calendar so that the time of day the benchmark runs at changes nothing.
 */
export function generatedOrganisation(count: number): { org: Organisation; askers: Asker[] } {
  const sample = JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as Organisation;
  const units = sample.units.map((unit) => unit.id);
  const askers: Asker[] = [];
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const serial = String(index).padStart(12, '0');
    const asker: Asker = {
      name: `Ansatt ${index}`,
      email: `ansatt.${index}@fylke.example`,
      aadObjectId: `b0000000-0000-4000-8000-${serial}`,
      teamsId: `29:ansatt-${index}`,
    };
    askers.push(asker);
    people.push({
      email: asker.email,
      name: asker.name,
      unit: units[index % units.length],
      aadObjectId: asker.aadObjectId,
    });
  }
  return {
    org: { ...sample, calendar: '24/7', people: [...sample.people, ...people] },
    askers,
  };
}

/** Writes the organisation to a file of its own and gives the path. */
export function writeOrganisationFile(org: Organisation): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bench-org-')), 'org.json');
  fs.writeFileSync(file, JSON.stringify(org));
  return file;
}

/** The triage channels the organisation names. */
export function triageChannelIds(org: Organisation): string[] {
  return org.workAreas.flatMap((area) =>
    area.triageChannel ? [area.triageChannel.channelId] : [],
  );
}
