import { messages, type Locale } from '../src/i18n';
import type { ImportPreview } from '../src/org/import-preview';
import { isEmptyDiff, type OrgItem } from '../src/org/org-diff';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './org-import.json';
import { Verbs } from './verbs';

/** At most this many lines per section; the rest are counted. */
const linesPerSection = 25;

export interface OrgImportCardData {
  notice?: string;
  title: string;
  comparedWith: string;
  nothing?: string;
  sections: { heading: string; lines: { text: string }[] }[];
  apply: string;
  importId: string;
  /** The version compared with; -1 when nothing was stored. */
  version: number;
}

export function renderOrgImportCard(data: OrgImportCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verb: Verbs.orgImport });
}

/** The preview of an organisation file: what it adds, removes and changes, and "apply". */
export function orgImportCardData(
  preview: ImportPreview,
  locale: Locale,
  notice?: string,
): OrgImportCardData {
  const t = messages(locale).organisation.import;
  const line = (item: OrgItem) =>
    `${t.kinds[item.kind]}: ${item.name ? `${item.name} (${item.id})` : item.id}`;
  const section = (heading: string, items: OrgItem[]) => ({
    heading,
    lines: [
      ...items.slice(0, linesPerSection).map(line),
      ...(items.length > linesPerSection ? [t.more(items.length - linesPerSection)] : []),
    ].map((text) => ({ text })),
  });
  const { diff } = preview;
  return {
    ...(notice ? { notice } : {}),
    title: t.title(preview.fileName),
    comparedWith: t.comparedWith(
      preview.version === undefined ? t.noStored : String(preview.version),
    ),
    ...(isEmptyDiff(diff) ? { nothing: t.nothing } : {}),
    sections: [
      section(t.added(diff.added.length), diff.added),
      section(t.removed(diff.removed.length), diff.removed),
      section(t.changed(diff.changed.length), diff.changed),
    ].filter((s) => s.lines.length > 0),
    apply: t.apply,
    importId: preview.importId,
    version: preview.version ?? -1,
  };
}
