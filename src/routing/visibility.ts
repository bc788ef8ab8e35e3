import type { Inquiry } from '../inquiries/inquiry';
import type { PersonRef } from '../inquiries/person';
import type { Directory } from '../org/directory';
import type { SearchScope } from '../store/ports';
import { handlerRole } from './authorisation';
import { handlerScope } from './handler-scope';

// Who may see an inquiry they did not ask: its handlers (the rule of `handlerRole`), and the
// helpdesk person who registered it for the asker. Lookup by number, "Åpne" on a list and the
// search by words all ask here, so a person never learns of an inquiry this does not allow.

/** Whether the person may see the inquiry's card: a handler of it, or the one who registered it. */
export function maySeeInquiry(
  directory: Directory,
  inquiry: Inquiry,
  person: Pick<PersonRef, 'key' | 'email'>,
): boolean {
  if (handlerRole(directory, inquiry, person.email)) return true;
  return inquiry.intake?.by.key === person.key;
}

/**
 * What a person's search by words reads: the inquiries of the units, work areas or topics they
 * handle (the queue's scope, open or closed), and for the helpdesk those they registered.
 * Undefined for someone who may search nothing.
 */
export function searchScope(
  directory: Directory,
  person: Pick<PersonRef, 'key' | 'email'>,
): SearchScope[] | undefined {
  const scope: SearchScope[] = [...(handlerScope(directory, person.email) ?? [])];
  if (person.email && directory.isHelpdesk(person.email)) scope.push({ registeredBy: person.key });
  return scope.length ? scope : undefined;
}
