import type { Messages } from '../src/i18n';
import type { Inquiry, InquiryEvent } from '../src/inquiries/inquiry';

// An inquiry's history in words, as cards show its steps.

/** "Sverre Lunde tok saken": who did what. */
export function eventWhat(event: InquiryEvent, t: Messages): string {
  const who = event.by?.name ?? '';
  const what = ((): string => {
    switch (event.type) {
      case 'opened':
        return who ? `${t.events.opened}: ${who}` : t.events.opened;
      case 'routed':
        return event.level
          ? `${t.events.routed} ${t.levels[event.level].toLowerCase()}`
          : t.events.routed;
      case 'handed_over':
        return `${who} ${t.events.handed_over} ${event.to?.name ?? ''}`;
      case 'escalated': {
        const sent = `${t.events.escalated} ${event.level ? t.levels[event.level].toLowerCase() : ''}`;
        return who ? `${who}: ${sent.trim()}` : sent;
      }
      case 'registered':
        return event.channel
          ? `${who} ${t.intake.event(t.intake.channels[event.channel])}`
          : `${who} ${t.events.registered}`;
      case 'reminded':
      case 'vendor_case':
      case 'vendor_reminded':
      case 'stalled':
      case 'asker_replied':
      case 'confirmed_resolved':
      case 'reopened':
      case 'notified':
      case 'delivery_failed':
      case 'withdrawn':
      case 'info_added':
      case 'rated':
      case 'asker_reminded':
      case 'returned_to_handler':
      case 'stalled_reminded':
      case 'undeliverable_reported':
        return t.events[event.type];
      default:
        return `${who} ${t.events[event.type]}`;
    }
  })();
  return what.trim();
}

/** "Sverre Lunde tok saken · mandag 30. november kl. 10:15" */
export function describeEvent(event: InquiryEvent, t: Messages, timeZone: string): string {
  return `${eventWhat(event, t)} · ${t.dateTime(new Date(event.at), timeZone)}`;
}

/** The last step someone took; deliveries are bookkeeping, not steps. */
export function lastStep(inquiry: Inquiry, t: Messages, timeZone: string): string | undefined {
  const steps = inquiry.history.filter(
    (e) => e.type !== 'notified' && e.type !== 'delivery_failed',
  );
  const last = steps[steps.length - 1];
  return last ? describeEvent(last, t, timeZone) : undefined;
}
