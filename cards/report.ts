import { messages, type Locale } from '../src/i18n';
import { levels } from '../src/inquiries/inquiry';
import { ratings } from '../src/inquiries/inquiry';
import type { Directory } from '../src/org/directory';
import type { NamedInquiry, Report, Spread } from '../src/reports/figures';
import { maxReportRead } from '../src/reports/load-report';
import { periodDays, periodKinds, type ReportPeriod } from '../src/reports/period';
import { scopeKey, type ReportScope } from '../src/routing/report-scope';
import { startOf } from '../src/text';
import { expandTemplate, type AdaptiveCardJson, type Fact } from './render';
import { Inputs, Verbs } from './verbs';
import reportTemplate from './report.json';

/** A chart Teams draws, with the same figures as facts for a client that cannot draw it. */
interface Chart<T> {
  title: string;
  data: T[];
  facts: Fact[];
}

type BarPoint = { x: string; y: number };
type SlicePoint = { legend: string; value: number };

interface Choice {
  title: string;
  value: string;
}

export interface ReportPicker {
  heading: string;
  scopeLabel: string;
  periodLabel: string;
  fromLabel: string;
  toLabel: string;
  show: string;
  scope: string;
  scopes: Choice[];
  period: string;
  periods: Choice[];
  from: string;
  to: string;
  inputs: { scope: string; period: string; from: string; to: string };
}

export interface ReportCardData {
  title: string;
  periodLine: string;
  asOf: string;
  intro?: string;
  truncated?: string;
  summary: Fact[];
  escalations: Chart<BarPoint>;
  byTopic: Chart<SlicePoint>;
  byUnit: Chart<BarPoint>;
  ratings: Chart<SlicePoint>;
  table: { name: string; opened: string; resolved: string; open: string }[];
  packSections: { heading: string; lines: string[] }[];
  download?: { title: string; url: string; note: string };
  downloadUnavailable?: string;
  picker?: ReportPicker;
  pack?: { title: string };
  labels: {
    summaryHeading: string;
    noRatings: string;
    tableHeading: string;
    unit: string;
    opened: string;
    resolved: string;
    openNow: string;
  };
}

/** Units the table and the chart name one by one; the rest are summed in one line. */
const unitsShown = 12;
/** Lines each list of the half-yearly pack shows; the CSV file has them all. */
const packLines = 10;
/** How much of a rating's comment the pack shows. */
const commentLength = 300;

/** The scope in words: the whole organisation, or the names of its work areas, units or topics. */
export function scopeName(scope: ReportScope, directory: Directory, locale: Locale): string {
  const t = messages(locale).reports;
  if (scope.kind === 'organisation') return t.organisation;
  const names = scope.ids.map((id) => {
    if (scope.kind === 'work_areas') return directory.workArea(id)?.name ?? id;
    if (scope.kind === 'units') return directory.unit(id)?.name ?? id;
    return directory.topic(id)?.name[locale] ?? id;
  });
  return t.scopeNames[scope.kind](names.join(', '));
}

function spreadText(spread: Spread, locale: Locale): string {
  const t = messages(locale).reports;
  if (spread.medianMs === undefined || spread.p90Ms === undefined) return t.noSpread;
  return t.spread(t.hours(spread.medianMs), t.hours(spread.p90Ms), spread.count);
}

function localDate(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** "Dette halvåret: 1. jul. 2026 – 1. des. 2026". */
export function periodLine(period: ReportPeriod, directory: Directory, locale: Locale): string {
  const t = messages(locale).reports;
  const days = periodDays(period, directory.timeZone);
  return t.periodLine(
    t.periods[period.kind],
    localDate(days.from, locale),
    localDate(days.to, locale),
  );
}

/** A bar chart, with its points again as facts for clients that draw no charts. */
function barChart(title: string, data: BarPoint[]): Chart<BarPoint> {
  return { title, data, facts: data.map((p) => ({ title: p.x, value: String(p.y) })) };
}

/** A pie or donut chart, with its slices again as facts for clients that draw no charts. */
function sliceChart(title: string, data: SlicePoint[]): Chart<SlicePoint> {
  return { title, data, facts: data.map((p) => ({ title: p.legend, value: String(p.value) })) };
}

/** What the card is for: its reader's choices, a download link, the pack's extra sections. */
export interface ReportCardOptions {
  /** The scopes the reader may choose between; no picker without them (the posted pack). */
  scopes?: ReportScope[];
  download?: { url: string; expiresAt: Date } | 'unavailable';
  /** The reader is an admin and may send the half-yearly pack. */
  mayPostPack?: boolean;
  /** The half-yearly pack for the resource group. */
  pack?: boolean;
}

function inquiryLines(list: NamedInquiry[], directory: Directory, locale: Locale): string[] {
  const t = messages(locale).reports.pack;
  const lines = list
    .slice(0, packLines)
    .map((i) =>
      t.inquiryLine(
        i.number,
        directory.unit(i.unitId)?.name ?? i.unitId,
        directory.topic(i.topicId)?.name[locale] ?? i.topicId,
      ),
    );
  if (list.length > packLines) lines.push(t.more(list.length - packLines));
  return lines.length ? lines : [t.none];
}

function packSections(report: Report, directory: Directory, locale: Locale) {
  const t = messages(locale).reports;
  const topTopics = Object.entries(report.byTopic)
    .filter(([, counts]) => counts.opened > 0)
    .sort(([, a], [, b]) => b.opened - a.opened)
    .slice(0, 5)
    .map(([id, counts]) =>
      t.pack.topTopic(
        directory.topic(id)?.name[locale] ?? id,
        counts.opened,
        report.reopenedByTopic[id] ?? 0,
      ),
    );
  const comments = report.ratingComments
    .slice(-packLines)
    .map((c) => `${c.number} · ${t.ratings[c.rating]}: «${startOf(c.comment, commentLength)}»`);
  if (report.ratingComments.length > packLines)
    comments.unshift(t.pack.more(report.ratingComments.length - packLines));
  return [
    { heading: t.pack.topTopicsHeading, lines: topTopics.length ? topTopics : [t.pack.none] },
    { heading: t.pack.stalledHeading, lines: inquiryLines(report.stalled, directory, locale) },
    { heading: t.pack.breachedHeading, lines: inquiryLines(report.breached, directory, locale) },
    { heading: t.pack.commentsHeading, lines: comments.length ? comments : [t.pack.none] },
  ];
}

/** The report card: the figures, the charts, the table by unit, and what the reader can do next. */
export function reportCardData(
  report: Report,
  directory: Directory,
  locale: Locale,
  options: ReportCardOptions = {},
): ReportCardData {
  const messagesFor = messages(locale);
  const t = messagesFor.reports;
  const zone = directory.timeZone;
  const escalations = levels.map((level) => ({
    x: messagesFor.levels[level],
    y: report.escalations[level],
  }));
  const topics = Object.entries(report.byTopic)
    .filter(([, counts]) => counts.opened > 0)
    .sort(([, a], [, b]) => b.opened - a.opened)
    .map(([id, counts]) => ({
      legend: directory.topic(id)?.name[locale] ?? id,
      value: counts.opened,
    }));
  const units = Object.entries(report.byUnit)
    .map(([id, counts]) => ({ name: directory.unit(id)?.name ?? id, ...counts }))
    .sort((a, b) => b.opened - a.opened || b.open - a.open || a.name.localeCompare(b.name));
  const shown = units.slice(0, unitsShown);
  const rest = units.slice(unitsShown);
  const unitBars = shown.filter((u) => u.opened > 0).map((u) => ({ x: u.name, y: u.opened }));
  const ratingSlices = ratings
    .map((rating) => ({ legend: t.ratings[rating], value: report.ratings[rating] }))
    .filter((slice) => slice.value > 0);
  const days = periodDays(report.period, zone);
  const scopes = options.scopes ?? [];
  return {
    title: options.pack
      ? t.pack.title(periodLine(report.period, directory, locale))
      : t.title(scopeName(report.scope, directory, locale)),
    periodLine: periodLine(report.period, directory, locale),
    asOf: t.asOf(messagesFor.dateTime(report.now, zone)),
    ...(options.pack ? { intro: t.pack.intro } : {}),
    ...(report.truncated ? { truncated: t.truncated(maxReportRead) } : {}),
    summary: [
      { title: t.opened, value: String(report.opened) },
      { title: t.resolved, value: String(report.resolved) },
      { title: t.openNow, value: String(report.openNow) },
      { title: t.firstResponse, value: spreadText(report.firstResponse, locale) },
      { title: t.resolution, value: spreadText(report.resolution, locale) },
      { title: t.breaches, value: String(report.breaches) },
      { title: t.vendorCases, value: String(report.vendorCases) },
      { title: t.selfServed, value: String(report.selfServed) },
    ],
    escalations: barChart(t.escalationsHeading, escalations),
    byTopic: sliceChart(t.byTopicHeading, topics),
    byUnit: barChart(t.byUnitHeading, unitBars),
    ratings: sliceChart(t.ratingsHeading, ratingSlices),
    table: [
      ...shown.map((u) => ({
        name: u.name,
        opened: String(u.opened),
        resolved: String(u.resolved),
        open: String(u.open),
      })),
      ...(rest.length
        ? [
            {
              name: t.others(rest.length),
              opened: String(rest.reduce((sum, u) => sum + u.opened, 0)),
              resolved: String(rest.reduce((sum, u) => sum + u.resolved, 0)),
              open: String(rest.reduce((sum, u) => sum + u.open, 0)),
            },
          ]
        : []),
    ],
    packSections: options.pack ? packSections(report, directory, locale) : [],
    ...(options.download === 'unavailable'
      ? { downloadUnavailable: t.downloadUnavailable }
      : options.download
        ? {
            download: {
              title: t.download,
              url: options.download.url,
              note: t.downloadNote(messagesFor.dateTime(options.download.expiresAt, zone)),
            },
          }
        : {}),
    ...(scopes.length
      ? {
          picker: {
            heading: t.choose,
            scopeLabel: t.scopeLabel,
            periodLabel: t.periodLabel,
            fromLabel: t.fromLabel,
            toLabel: t.toLabel,
            show: t.show,
            scope: scopeKey(report.scope),
            scopes: scopes.map((scope) => ({
              title: scopeName(scope, directory, locale),
              value: scopeKey(scope),
            })),
            period: report.period.kind,
            periods: periodKinds.map((kind) => ({ title: t.periods[kind], value: kind })),
            from: days.from,
            to: days.to,
            inputs: {
              scope: Inputs.reportScope,
              period: Inputs.reportPeriod,
              from: Inputs.reportFrom,
              to: Inputs.reportTo,
            },
          },
        }
      : {}),
    ...(options.mayPostPack ? { pack: { title: t.pack.send } } : {}),
    labels: {
      summaryHeading: t.summaryHeading,
      noRatings: t.noRatings,
      tableHeading: t.tableHeading,
      unit: t.unit,
      opened: t.opened,
      resolved: t.resolved,
      openNow: t.openNow,
    },
  };
}

export function renderReportCard(data: ReportCardData): AdaptiveCardJson {
  return expandTemplate(reportTemplate, { ...data, verbs: Verbs });
}
