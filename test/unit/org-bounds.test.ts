import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sampleOrgFile } from '../../src/config';
import type { OrganisationInput } from '../../src/org/schema';
import { parseOrganisation, validateOrganisation } from '../../src/org/validate';
import { osloOffice } from '../support/calendars';

function sample(): OrganisationInput {
  return JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as OrganisationInput;
}

/** The errors of the sample organisation with one change, as `path: message` lines. */
function errorsWith(change: (org: OrganisationInput) => void): string[] {
  const org = sample();
  change(org);
  const result = validateOrganisation(org);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

/** The office calendar the tests share, as the object it is. */
const officeCalendar = osloOffice as Exclude<typeof osloOffice, '24/7'>;

describe('organisation files that validate but would disable the bot', () => {
  it('accepts the sample organisation as it is', () => {
    assert.deepEqual(
      errorsWith(() => undefined),
      [],
    );
  });

  it('refuses a response time longer than a year of the calendar’s working time', () => {
    const errors = errorsWith((org) => {
      org.calendar = officeCalendar;
      org.escalation.superuser = 'PT10000H';
    });
    assert.deepEqual(errors, [
      '$.escalation.superuser: "PT10000H" is more working time than a year of this calendar holds (at most PT2028H)',
    ]);
  });

  it('refuses a duration so large its deadline would not be a real date', () => {
    const errors = errorsWith((org) => {
      org.calendar = '24/7';
      org.escalation.coordinator = 'PT999999999H';
      org.escalation.claimTimeout = 'P999999D';
    });
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0], /^\$\.escalation\.coordinator: .*at most PT8736H/);
    assert.match(errors[1], /^\$\.escalation\.claimTimeout: "P999999D" is longer than a year/);
  });

  it('refuses a zero response time', () => {
    assert.deepEqual(
      errorsWith((org) => (org.escalation.systemResponsible = 'PT0S')),
      ['$.escalation.systemResponsible: must be longer than zero'],
    );
  });

  it('refuses a country without known public holidays instead of silently having none', () => {
    const errors = errorsWith((org) => (org.calendar = { ...officeCalendar, holidays: 'ZZ' }));
    assert.deepEqual(errors, [
      '$.calendar.holidays: no public holidays are known for country "ZZ"',
    ]);
  });

  it('says what is wrong inside a calendar instead of "Invalid input"', () => {
    const errors = errorsWith(
      (org) =>
        (org.calendar = {
          ...officeCalendar,
          workingHours: { ...officeCalendar.workingHours, mon: { start: '8', end: '16:00' } },
        }),
    );
    assert.deepEqual(errors, ['$.calendar.workingHours.mon.start: a time such as 08:00']);
    const word = errorsWith((org) => (org.calendar = 'always' as '24/7'));
    assert.equal(word.length, 1);
    assert.match(word[0], /^\$\.calendar: either "24\/7" or an object/);
  });

  it('refuses an email address with an invisible character in it', () => {
    const errors = errorsWith((org) => {
      org.people[0].email = `kari\u200b.nordmann@fylke.example`;
    });
    assert.ok(
      errors.some((e) => e.startsWith('$.people[0].email: not an email address')),
      errors.join('\n'),
    );
  });

  it('refuses a unit name of fifty megabytes, and control characters in names', () => {
    const errors = errorsWith((org) => {
      org.units[0].name = 'x'.repeat(50 * 1024 * 1024);
      org.people[0].name = 'Kari\u0007 Nordmann';
    });
    assert.deepEqual(errors, [
      '$.units[0].name: at most 200 characters',
      '$.people[0].name: no control characters',
    ]);
  });

  it('reads a file that starts with a byte-order mark', () => {
    const text = `\uFEFF${fs.readFileSync(sampleOrgFile, 'utf8')}`;
    assert.equal(parseOrganisation(text).ok, true);
  });
});
