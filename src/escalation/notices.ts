import type { EscalationReason, Inquiry, Level } from '../inquiries/inquiry';
import type { NotificationIntent } from '../notifications/intents';

/**
 * Who must be told when an inquiry moves to `level`: the level's people are mentioned, the asker
 * hears where it went, and everyone's cards show the new level.
 */
export function escalationNotices(
  inquiry: Inquiry,
  level: Level,
  reason: EscalationReason,
): NotificationIntent[] {
  const id = inquiry.id;
  return [
    { kind: 'triage.update', inquiryId: id },
    { kind: 'asker.status', inquiryId: id },
    { kind: 'asker.notice', inquiryId: id, reason: 'escalated' },
    ...(level === 'vendor'
      ? []
      : [{ kind: 'escalation.ping', inquiryId: id, level, reason } as const]),
  ];
}
