import type { NotificationIntent } from '../../src/notifications/intents';
import type { DeliveryDeps } from './deliver';

/**
 * The Teams conversation a notification is sent into, as a key: the outbox sends items with the
 * same key one after another, in the order they were queued, and items with different keys side by
 * side, so a slow or throttled conversation (a triage channel, say) holds up only itself.
 *
 * - `person:<key>`: a person's 1:1 chat (the asker's cards, a handler's notice);
 * - `channel:<id>`: the work area's triage channel, where the card, its updates, pings and
 *   reminders and thread notes go;
 * - `handlers:<inquiry>`: an inquiry whose area has no channel, its cards going to each handler;
 * - the resource group's channel for the half-yearly report pack.
 * - `webhook:<target>:<inquiry>`: one inquiry's events to one webhook, in the order they happened.
 */
export async function conversationKeyOf(
  deps: Pick<DeliveryDeps, 'store' | 'directories'>,
  intent: NotificationIntent,
): Promise<string> {
  if (intent.kind === 'handler.notice') return `person:${intent.recipientKey}`;
  if (intent.kind === 'report.pack') {
    const directory = await deps.directories.current();
    const channel = directory.snapshot.structure.resourceGroup?.channel;
    return channel ? `channel:${channel.channelId}` : 'report.pack';
  }
  if (intent.kind === 'draft.reminder' || intent.kind === 'draft.dropped')
    return `person:${intent.askerKey}`;
  if (intent.kind === 'staff.notice') return `person:${intent.email}`;
  if (intent.kind === 'webhook') return `webhook:${intent.target}:${intent.inquiryId}`;
  const inquiry = await deps.store.inquiries.get(intent.inquiryId);
  // Delivery finds out for itself that it is gone; its own key keeps it from holding others up.
  if (!inquiry) return `inquiry:${intent.inquiryId}`;
  switch (intent.kind) {
    case 'asker.status':
    case 'asker.answer':
    case 'asker.notice':
    case 'asker.question':
      return `person:${inquiry.asker.key}`;
    case 'triage.post':
    case 'triage.update':
    case 'escalation.ping':
    case 'reminder':
    case 'thread.note': {
      const directory = await deps.directories.current();
      const channel = directory.workArea(inquiry.workAreaId)?.triageChannel;
      return channel ? `channel:${channel.channelId}` : `handlers:${inquiry.id}`;
    }
  }
}
