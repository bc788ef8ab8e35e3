import { DateTime } from 'luxon';
import { messages, type Locale } from '../i18n';
import type { Directory } from '../org/directory';
import type { Report } from './figures';

// The CSV download of a report: one row per inquiry opened in the period, with its figures and
// where it belongs, and nothing about who asked or what they wrote.

/**
 * A cell as a spreadsheet reads it safely: text that a spreadsheet would take for a formula
 * (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, and a cell with a
 * separator, quote or line break is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const hours = (ms: number | undefined): string =>
  ms === undefined ? '' : (ms / 3_600_000).toFixed(2);

/** The report's rows as CSV text (RFC 4180, CRLF line ends), headed in the reader's language. */
export function reportCsv(report: Report, directory: Directory, locale: Locale): string {
  const t = messages(locale);
  const c = t.reports.csv;
  const zone = directory.timeZone;
  const header = [
    c.number,
    c.opened,
    c.workArea,
    c.unit,
    c.topic,
    c.status,
    c.level,
    c.firstResponseHours,
    c.resolutionHours,
    c.escalations,
    c.breaches,
    c.vendorCase,
    c.rating,
  ];
  const lines = report.rows.map((row) => [
    row.number,
    DateTime.fromISO(row.openedAt, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
    directory.workArea(row.workAreaId)?.name ?? row.workAreaId,
    directory.unit(row.unitId)?.name ?? row.unitId,
    directory.topic(row.topicId)?.name[locale] ?? row.topicId,
    t.statuses[row.status],
    t.levels[row.level],
    hours(row.firstResponseMs),
    hours(row.resolutionMs),
    String(row.escalations),
    String(row.breaches),
    row.vendorCase ? c.yes : c.no,
    row.rating ? t.reports.ratings[row.rating] : '',
  ]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
