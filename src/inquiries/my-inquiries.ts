import type { Store } from '../store/ports';
import type { Inquiry } from './inquiry';
import { isFinished } from './statuses';

/** How many of an asker's latest inquiries "mine saker" looks through. */
const lookBack = 200;
/** A finished inquiry stays on the list this long after it last changed. */
const recentDays = 30;

/** The asker's open inquiries and those finished lately, newest first. */
export async function myInquiries(store: Store, askerKey: string, now: Date): Promise<Inquiry[]> {
  const since = new Date(now.getTime() - recentDays * 24 * 3600_000).toISOString();
  const latest = await store.inquiries.listByAsker(askerKey, lookBack);
  return latest.filter((inquiry) => !isFinished(inquiry) || inquiry.updatedAt >= since);
}
