import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import type { EscalationTiming } from '../../src/escalation/policy';
import { unfinishedStep } from '../../src/follow-ups/unfinished-questions';
import type { Inquiry } from '../../src/inquiries/inquiry';
import {
  reportUndeliverable,
  undeliverableRecipients,
} from '../../src/notifications/undeliverable';
import { followUpDefaults } from '../../src/org/schema';
import { validateOrganisation } from '../../src/org/validate';
import type { DueDraft } from '../../src/store/ports';
import { osloOffice } from '../support/calendars';
import { organisation, people, testDirectory } from '../support/domain-fixture';

const roundTheClock: EscalationTiming = {
  policy: {
    responseTime: { superuser: 'PT4H', coordinator: 'PT8H', system_responsible: 'P2D' },
    vendorReminderInterval: 'P1D',
    vendorReminders: 2,
  },
  calendar: BusinessCalendar.of('24/7'),
  followUps: { ...followUpDefaults, unfinishedDropAfter: 'PT30M' },
};
const now = new Date('2026-11-30T10:00:00.000Z');

const due = (change: Partial<DueDraft['draft']> = {}): DueDraft => ({
  draft: {
    id: 'd1',
    askerKey: people.asker.email,
    text: `Qm+ henger når jeg lagrer ${'og så videre '.repeat(10)}`,
    locale: 'nb',
    createdAt: now.toISOString(),
    ...change,
  },
  etag: '1',
});

describe('following up what waits unseen', () => {
  it('reminds the asker of an unfinished question first, then drops it quoting its start', () => {
    const first = unfinishedStep(due(), now, roundTheClock);
    assert.deepEqual(first, {
      kind: 'remind',
      next: '2026-11-30T10:30:00.000Z',
      notice: { kind: 'draft.reminder', draftId: 'd1', askerKey: people.asker.email, locale: 'nb' },
    });
    const then = unfinishedStep(due({ reminded: true }), now, roundTheClock);
    assert.equal(then.kind, 'drop');
    const excerpt =
      then.kind === 'drop' && then.notice.kind === 'draft.dropped' ? then.notice.excerpt : '';
    assert.ok(excerpt.startsWith('Qm+ henger når jeg lagrer'));
    assert.ok(excerpt.length <= 80 && excerpt.endsWith('…'), 'a long question is shortened');
  });

  it('lets an unfinished question wait for working time on an office calendar', () => {
    const office: EscalationTiming = {
      ...roundTheClock,
      calendar: BusinessCalendar.of(osloOffice),
    };
    const sunday = new Date('2026-11-29T20:00:00.000Z');
    const step = unfinishedStep(due(), sunday, office);
    assert.deepEqual(step, { kind: 'wait', until: '2026-11-30T07:00:00.000Z' });
  });

  it('reports a notification that reached nobody to the coordinators once, or to the admins', () => {
    const directory = testDirectory();
    const inquiry = {
      id: 'inq-1',
      workAreaId: 'skole',
      history: [{ type: 'opened', at: now.toISOString() }],
      updatedAt: now.toISOString(),
    } as Inquiry;
    const report = reportUndeliverable(inquiry, directory, now);
    assert.ok(report);
    assert.deepEqual(report.notifications, [
      {
        kind: 'staff.notice',
        inquiryId: 'inq-1',
        email: people.coordinator.email,
        reason: 'undeliverable',
      },
    ]);
    assert.equal(report.inquiry.history.at(-1)?.type, 'undeliverable_reported');
    assert.equal(reportUndeliverable(report.inquiry, directory, now), undefined, 'once');
    const withoutCoordinator = testDirectory();
    const area = withoutCoordinator.workArea('skole');
    assert.ok(area);
    area.coordinators.length = 0;
    assert.deepEqual(
      undeliverableRecipients(inquiry, withoutCoordinator),
      withoutCoordinator.snapshot.structure.admins,
    );
  });

  it('checks the follow-up periods of an organisation file like its escalation durations', () => {
    const checked = validateOrganisation({
      ...organisation,
      followUps: { askerReminderAfter: 'PT0S', stalledReminderEvery: 'soon' },
    });
    assert.equal(checked.ok, false);
    const paths = checked.ok ? [] : checked.errors.map((e) => e.path);
    assert.ok(paths.includes('$.followUps.askerReminderAfter'), paths.join());
    assert.ok(paths.includes('$.followUps.stalledReminderEvery'), paths.join());
    const defaults = validateOrganisation(organisation);
    assert.ok(defaults.ok);
    assert.deepEqual(defaults.org.followUps, followUpDefaults);
  });
});
