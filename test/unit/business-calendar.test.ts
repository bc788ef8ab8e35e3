import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import { osloOffice } from '../support/calendars';

const office = BusinessCalendar.of(osloOffice);

const hour = 60 * 60 * 1000;
/** An instant written as Oslo local time with its offset, so each case reads as a wall clock. */
const at = (iso: string): Date => new Date(iso);

describe('business calendar', () => {
  it('counts hours inside one working day', () => {
    assert.deepEqual(
      office.add(at('2026-11-24T09:00+01:00'), 'PT4H'),
      at('2026-11-24T13:00+01:00'),
    );
  });

  it('carries what is left of the day over to the next morning', () => {
    assert.deepEqual(
      office.add(at('2026-11-24T14:00+01:00'), 'PT4H'),
      at('2026-11-25T10:00+01:00'),
    );
  });

  it('skips the weekend, with the shorter Friday', () => {
    // Friday 13:00 + 4h: 2h on Friday (ends 15:00), 2h on Monday.
    assert.deepEqual(
      office.add(at('2026-11-27T13:00+01:00'), 'PT4H'),
      at('2026-11-30T10:00+01:00'),
    );
  });

  it('starts counting at the next working period when asked outside working hours', () => {
    assert.deepEqual(
      office.add(at('2026-11-28T11:00+01:00'), 'PT1H'),
      at('2026-11-30T09:00+01:00'),
    );
    assert.deepEqual(
      office.add(at('2026-11-24T06:30+01:00'), 'PT1H'),
      at('2026-11-24T09:00+01:00'),
    );
    assert.deepEqual(
      office.nextWorkingMoment(at('2026-11-24T16:00+01:00')),
      at('2026-11-25T08:00+01:00'),
    );
    assert.equal(office.isWorkingTime(at('2026-11-24T15:59+01:00')), true);
    assert.equal(office.isWorkingTime(at('2026-11-29T12:00+01:00')), false);
  });

  it('skips Easter, from Maundy Thursday to Easter Monday', () => {
    // Wednesday before Easter 2026 at 15:00 + 2h: 1h that day, then Tuesday 7 April.
    assert.deepEqual(
      office.add(at('2026-04-01T15:00+02:00'), 'PT2H'),
      at('2026-04-07T09:00+02:00'),
    );
  });

  it('skips Constitution Day and Ascension Day in May', () => {
    // 17 May 2027 is a Monday; Friday 14 May 14:00 + 3h → Tuesday 18 May 10:00.
    assert.deepEqual(
      office.add(at('2027-05-14T14:00+02:00'), 'PT3H'),
      at('2027-05-18T10:00+02:00'),
    );
    // Ascension Day 2026 is Thursday 14 May.
    assert.deepEqual(
      office.add(at('2026-05-13T15:00+02:00'), 'PT2H'),
      at('2026-05-15T09:00+02:00'),
    );
  });

  it('keeps working hours on the wall clock across the change to summer time', () => {
    // Summer time starts Sunday 29 March 2026; Friday 14:00 CET + 2h → Monday 09:00 CEST.
    const deadline = office.add(at('2026-03-27T14:00+01:00'), 'PT2H');
    assert.equal(deadline.toISOString(), '2026-03-30T07:00:00.000Z');
  });

  it('keeps working hours on the wall clock across the change back to winter time', () => {
    // Winter time starts Sunday 25 October 2026; Friday 14:00 CEST + 2h → Monday 09:00 CET.
    const deadline = office.add(at('2026-10-23T14:00+02:00'), 'PT2H');
    assert.equal(deadline.toISOString(), '2026-10-26T08:00:00.000Z');
  });

  it('counts a day as the same time on the next working day', () => {
    assert.deepEqual(office.add(at('2026-11-26T10:30+01:00'), 'P2D'), at('2026-11-30T10:30+01:00'));
    assert.deepEqual(
      office.add(at('2026-11-26T10:30+01:00'), 'P1DT1H'),
      at('2026-11-27T11:30+01:00'),
    );
    // Thursday 15:30 + 1 day: Friday ends at 15:00, so the day ends there.
    assert.deepEqual(office.add(at('2026-11-26T15:30+01:00'), 'P1D'), at('2026-11-27T15:00+01:00'));
  });

  it('counts back for reminders, across a night and a weekend', () => {
    assert.deepEqual(
      office.subtract(at('2026-11-25T09:00+01:00'), 'PT2H'),
      at('2026-11-24T15:00+01:00'),
    );
    assert.deepEqual(
      office.subtract(at('2026-11-30T08:30+01:00'), 'PT1H'),
      at('2026-11-27T14:30+01:00'),
    );
    assert.deepEqual(
      office.subtract(at('2026-11-30T10:30+01:00'), 'P2D'),
      at('2026-11-26T10:30+01:00'),
    );
  });

  it('measures the working time between two instants, for a paused clock', () => {
    const paused = office.workingBetween(
      at('2026-11-27T14:00+01:00'),
      at('2026-11-30T09:30+01:00'),
    );
    assert.equal(paused, 2.5 * hour);
    assert.equal(
      office.workingBetween(at('2026-11-28T10:00+01:00'), at('2026-11-29T10:00+01:00')),
      0,
    );
    assert.equal(
      office.workingBetween(at('2026-11-30T10:00+01:00'), at('2026-11-30T09:00+01:00')),
      0,
    );
  });

  it('measures weeks of working time across summer time and Easter, the same when asked again', () => {
    // 39 hours the first week; Maundy Thursday and Good Friday off the second (24); Easter Monday
    // off the third (31); the clocks go forward on the Sunday between the first two.
    const from = at('2026-03-23T08:00+01:00');
    const to = at('2026-04-10T15:00+02:00');
    assert.equal(office.workingBetween(from, to), 94 * hour);
    assert.equal(office.workingBetween(from, to), 94 * hour);
    assert.equal(
      office.workingBetween(at('2026-03-27T14:00+01:00'), at('2026-03-30T09:00+02:00')),
      2 * hour,
    );
  });

  it('adds a pause back so the deadline keeps its working time', () => {
    // Four working hours from Monday 09:00; paused Monday 11:00 to Tuesday 10:00 (7 working hours).
    const start = at('2026-11-30T09:00+01:00');
    const deadline = office.add(start, 'PT4H');
    const paused = office.workingBetween(
      at('2026-11-30T11:00+01:00'),
      at('2026-12-01T10:00+01:00'),
    );
    assert.equal(paused, 7 * hour);
    assert.deepEqual(office.addWorking(deadline, paused), at('2026-12-01T12:00+01:00'));
  });

  it('runs round the clock for a 24/7 calendar', () => {
    const always = BusinessCalendar.of('24/7');
    assert.deepEqual(always.add(at('2026-11-28T23:00Z'), 'PT2H'), at('2026-11-29T01:00Z'));
    assert.deepEqual(always.add(at('2026-12-24T12:00Z'), 'P1D'), at('2026-12-25T12:00Z'));
    assert.deepEqual(always.subtract(at('2026-11-29T01:00Z'), 'PT30M'), at('2026-11-29T00:30Z'));
    assert.equal(
      always.workingBetween(at('2026-11-28T00:00Z'), at('2026-11-29T00:00Z')),
      24 * hour,
    );
    assert.equal(always.isWorkingTime(at('2026-12-25T03:00Z')), true);
  });

  it('takes durations in seconds, for short test set-ups', () => {
    const always = BusinessCalendar.of('24/7');
    assert.deepEqual(always.add(at('2026-11-28T12:00:00Z'), 'PT3S'), at('2026-11-28T12:00:03Z'));
  });
});
