import type { Inquiry } from '../inquiries/inquiry';
import type { Directory } from '../org/directory';
import type { Store } from '../store/ports';
import type { NotificationIntent } from './intents';

/**
 * Who hears that a notification about an inquiry reached nobody: its work area's coordinators,
 * or, when it has none, the organisation's admins (by email, as the organisation file lists them).
 */
export function undeliverableRecipients(inquiry: Inquiry, directory: Directory): string[] {
  const coordinators = directory.workArea(inquiry.workAreaId)?.coordinators ?? [];
  return [...new Set(coordinators.length ? coordinators : directory.snapshot.structure.admins)];
}

/**
 * The inquiry with the report of an undeliverable notification on its record, and the notices
 * that make the report; undefined when it was reported already (once per inquiry).
 */
export function reportUndeliverable(
  inquiry: Inquiry,
  directory: Directory,
  at: Date,
): { inquiry: Inquiry; notifications: NotificationIntent[] } | undefined {
  if (inquiry.history.some((event) => event.type === 'undeliverable_reported')) return undefined;
  const recipients = undeliverableRecipients(inquiry, directory);
  return {
    inquiry: {
      ...inquiry,
      updatedAt: at.toISOString(),
      history: [
        ...inquiry.history,
        { type: 'undeliverable_reported', at: at.toISOString(), note: recipients.join(', ') },
      ],
    },
    notifications: recipients.map((email) => ({
      kind: 'staff.notice',
      inquiryId: inquiry.id,
      email,
      reason: 'undeliverable',
    })),
  };
}

/**
 * Records and queues the report for an inquiry whose notification reached nobody, written with
 * the etag read so that with several instances it is made once.
 */
export async function recordUndeliverable(
  store: Store,
  directory: Directory,
  inquiryId: string,
  at: Date,
): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const inquiry = await store.inquiries.get(inquiryId);
    if (!inquiry) return;
    const report = reportUndeliverable(inquiry, directory, at);
    if (!report) return;
    const saved = await store.inquiries.update(report.inquiry, report.notifications);
    if (saved.ok || saved.reason === 'not_found') return;
  }
}
