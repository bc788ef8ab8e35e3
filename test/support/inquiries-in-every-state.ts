import type { Inquiry } from '../../src/inquiries/inquiry';
import { accepted, decideAs } from './decide-as';
import { people, testDirectory } from './domain-fixture';
import { openInquiryDraft } from './open-draft';

// Inquiries in every state a card shows, made by the state machine from one opened inquiry.

/** The test organisation (a Directory over an OrgSnapshot); its calendar is 24/7. */
export const directory = testDirectory();
export const timeZone = directory.timeZone;

/** A question asked at Hauge vgs (two superusers) about deviations, due at 14:00 Oslo time. */
export function openedAtHauge(): Inquiry {
  return {
    ...openInquiryDraft(directory, people.asker),
    id: '6f1c1e1e-0000-4000-8000-000000000042',
    number: 'QM-2026-0042',
    deadline: '2026-11-30T13:00:00.000Z',
  };
}

export function inquiriesInEveryState() {
  const decided = (...args: Parameters<typeof decideAs>): Inquiry => accepted(decideAs(...args));
  const opened = openedAtHauge();
  const claimed = decided(opened, people.sverre, { type: 'claim' }, '2026-11-30T09:15:00.000Z');
  const answered = decided(
    claimed,
    people.sverre,
    { type: 'answer', text: 'Bruk «Meld avvik» på forsiden.' },
    '2026-11-30T09:40:00.000Z',
  );
  const resolved = decided(
    answered,
    people.asker,
    { type: 'confirm_resolved' },
    '2026-11-30T10:00:00.000Z',
  );
  const reopened = decided(
    answered,
    people.asker,
    { type: 'not_resolved', comment: 'Jeg finner ikke knappen.' },
    '2026-11-30T10:05:00.000Z',
  );
  const handedOver = decided(
    claimed,
    people.sverre,
    { type: 'hand_over', toKey: people.hilde.email },
    '2026-11-30T09:30:00.000Z',
  );
  const escalated = decided(
    claimed,
    people.sverre,
    { type: 'escalate', note: 'Gjelder rutinen for hele skolen.' },
    '2026-11-30T09:50:00.000Z',
  );
  const atVendor = decided(
    escalated,
    people.coordinator,
    { type: 'escalate', toVendor: true },
    '2026-11-30T11:00:00.000Z',
  );
  const askedAsker = decided(
    claimed,
    people.sverre,
    { type: 'ask_asker', question: 'Hvilken elevtur gjelder det?' },
    '2026-11-30T09:20:00.000Z',
  );
  // Sola vgs has no superuser, so its inquiries start with the coordinator of Skoler.
  const atCoordinator = { ...openInquiryDraft(directory, people.asker, 'sola-vgs'), id: opened.id };
  return {
    new: opened,
    claimed,
    answered,
    resolved,
    reopened,
    handedOver,
    atCoordinator,
    escalated,
    atVendor,
    waiting_for_asker: askedAsker,
    // States reached through the escalation scheduler or other use cases.
    stalled: { ...atVendor, status: 'stalled' as const },
    withdrawn: { ...opened, status: 'withdrawn' as const },
  } satisfies Record<string, Inquiry>;
}
