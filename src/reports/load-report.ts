import { escalationTiming } from '../escalation/policy';
import type { Directory } from '../org/directory';
import { queueQueryOf, workAreasOf, type ReportScope } from '../routing/report-scope';
import type { Store } from '../store/ports';
import { computeReport, type Report } from './figures';
import type { ReportPeriod } from './period';

/**
 * The most inquiries one report reads: a county's half-year, several times over. A report past it
 * counts the ones read and says so.
 */
export const maxReportRead = 5000;

/**
 * Reads what a report needs and computes its figures: the inquiries of the scope's work areas
 * written since the period began (every event of the period is on one of them), the ones open now,
 * and the questions the knowledge base answered.
 */
export async function loadReport(
  store: Store,
  directory: Directory,
  scope: ReportScope,
  period: ReportPeriod,
  now: Date,
): Promise<Report> {
  const [written, open, selfServed, entries] = await Promise.all([
    store.inquiries.writtenSince(workAreasOf(directory, scope), period.from, maxReportRead + 1),
    store.inquiries.handlersQueue(queueQueryOf(scope), maxReportRead + 1),
    store.knowledge.selfServedSince(period.from),
    scope.kind === 'topics' ? store.knowledge.entries() : Promise.resolve([]),
  ]);
  return computeReport({
    scope,
    period,
    now,
    calendar: escalationTiming(directory).calendar,
    inquiries: written.slice(0, maxReportRead),
    openNow: open.slice(0, maxReportRead),
    selfServed,
    entryTopics: new Map(entries.map((entry) => [entry.id, entry.topicId])),
    unitWorkAreas: new Map(directory.allUnits().map((unit) => [unit.id, unit.workArea])),
    truncated: written.length > maxReportRead || open.length > maxReportRead,
  });
}
