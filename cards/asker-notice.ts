import { messages } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import type { AskerNoticeReason } from '../src/notifications/intents';
import type { Directory } from '../src/org/directory';

/** What the asker is told, in plain words, when the inquiry moves up, is moved, or stalls. */
export function askerNoticeText(
  inquiry: Inquiry,
  directory: Directory,
  reason: AskerNoticeReason,
): string {
  const t = messages(inquiry.locale);
  if (reason === 'stalled') return t.askerNotices.stalled(inquiry.number);
  if (reason === 'returned')
    return t.followUps.returned(inquiry.number, inquiry.assignee?.name ?? t.levels[inquiry.level]);
  if (reason === 'moved') {
    return t.askerNotices.moved(
      inquiry.number,
      directory.unit(inquiry.unitId)?.name ?? inquiry.unitId,
      directory.topic(inquiry.topicId)?.name[inquiry.locale] ?? inquiry.topicId,
    );
  }
  if (inquiry.level === 'vendor') {
    return t.askerNotices.vendor(inquiry.number, inquiry.chain.vendor.name);
  }
  return t.askerNotices.escalated(
    inquiry.number,
    t.levels[inquiry.level],
    directory.workArea(inquiry.workAreaId)?.name ?? inquiry.workAreaId,
  );
}
