import assert from 'node:assert/strict';
import type { Actor, Command, Decision } from '../../src/inquiries/commands';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { decide } from '../../src/inquiries/state-machine';
import { handlerRole } from '../../src/routing/authorisation';
import { testDirectory } from './domain-fixture';
import { personRef } from '../../src/inquiries/person';

// The state machine as a card action reaches it: the person acting, with the role the test
// organisation gives them for the inquiry.

const directory = testDirectory();

export type Acting = { email: string; name: string; aadObjectId?: string };

/** The person with their role for this inquiry, as actOnInquiry finds it. */
export function actorFor(inquiry: Inquiry, by: Acting): Actor {
  const role = handlerRole(directory, inquiry, by.email);
  return { person: personRef(by), ...(role ? { role } : {}) };
}

/** What the state machine decides when `by` gives `command` at `at`. */
export function decideAs(
  inquiry: Inquiry,
  by: Acting,
  command: Command,
  at: string | Date,
): Decision {
  return decide(inquiry, command, actorFor(inquiry, by), new Date(at));
}

/** The changed inquiry of a decision that must be a success. */
export function accepted(decision: Decision): Inquiry {
  if (!decision.ok) assert.fail(`expected success, got ${decision.reason}`);
  return decision.inquiry;
}
