import assert from 'node:assert/strict';
import { renderReportCard, reportCardData, type ReportCardOptions } from '../../cards/report';
import { Verbs } from '../../cards/verbs';
import { maxCardMessageBytes } from '../../bot/delivery/card-activity';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import { ratings, type Inquiry } from '../../src/inquiries/inquiry';
import { Directory, snapshotOf } from '../../src/org/directory';
import { validateOrganisation } from '../../src/org/validate';
import { csvCell, reportCsv } from '../../src/reports/csv';
import { computeReport, type Report } from '../../src/reports/figures';
import { signReportLink, verifyReportLink, type ReportLink } from '../../src/reports/report-link';
import { reportScopes, type ReportScope } from '../../src/routing/report-scope';
import { newInquiry } from '../contract/store-contract';
import { executes } from '../support/card-nodes';
import { validationErrors } from '../support/card-validation';
import { organisation, people } from '../support/domain-fixture';

const period = {
  kind: 'half_year' as const,
  from: new Date('2026-06-30T22:00:00.000Z'),
  to: new Date('2026-12-01T10:00:00.000Z'),
};
const now = period.to;

function directoryOf(org: object): Directory {
  const result = validateOrganisation(org);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return new Directory(snapshotOf(result.org, 1, now.toISOString()));
}

/** The test organisation with `extra` more units, each with a long name. */
function largeOrganisation(extra: number): object {
  return {
    ...organisation,
    units: [
      ...organisation.units,
      ...Array.from({ length: extra }, (_, i) => ({
        id: `enhet-${i}`,
        name: `Enhet nummer ${i} med et langt navn som fyller godt på kortet, avdeling ${i}`,
        workArea: 'skole',
        superusers: [],
      })),
    ],
  };
}

/** Inquiries in every unit, resolved, rated with long comments, escalated and stalled. */
function reportOf(directory: Directory, scope: ReportScope): Report {
  const units = directory.allUnits();
  const inquiries: Inquiry[] = Array.from({ length: 600 }, (_, i) => {
    const unit = units[i % units.length];
    const created = new Date(period.from.getTime() + (i + 1) * 3_600_000).toISOString();
    const later = new Date(period.from.getTime() + (i + 5) * 3_600_000).toISOString();
    return {
      ...newInquiry({
        id: `c-${i}`,
        unitId: unit.id,
        workAreaId: unit.workArea,
        topicId: ['avvik', 'ehandbok', 'annet'][i % 3],
        status: i % 7 === 0 ? 'stalled' : 'resolved',
        createdAt: created,
        updatedAt: later,
        history: [
          { type: 'opened', at: created },
          { type: 'escalated', at: created, level: 'coordinator', reason: 'deadline' },
          { type: 'answered', at: later },
          { type: 'resolved', at: later },
        ],
        rating: {
          rating: ratings[i % 3],
          at: later,
          comment: `${'Veldig lang kommentar '.repeat(40)}${i}`,
        },
      }),
      number: `QM-2026-${String(i + 1).padStart(4, '0')}`,
    };
  });
  return computeReport({
    scope,
    period,
    now,
    calendar: BusinessCalendar.of('24/7'),
    inquiries,
    openNow: inquiries.filter((i) => i.status === 'stalled'),
    selfServed: [],
    entryTopics: new Map(),
    unitWorkAreas: new Map(units.map((u) => [u.id, u.workArea])),
    truncated: false,
  });
}

const chartTypes = ['Chart.VerticalBar', 'Chart.HorizontalBar', 'Chart.Pie', 'Chart.Donut'];

/** Every element of a card with its type. */
function elements(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string') found.push(element);
    Object.values(element).forEach((v) => elements(v, found));
  }
  return found;
}

/**
 * The card as Teams reads it: the Adaptive Cards 1.5 parser finds nothing wrong but the chart
 * elements it does not know (Teams draws them), each of which carries the figures as a fallback;
 * every chart's data has the shape its type needs; the card is within the message size limit.
 */
function assertTeamsCard(card: object): void {
  const complaints = validationErrors(card).filter(
    (m) =>
      !chartTypes.some(
        (type) => m === `Unknown element type "${type}". Fallback will be used if present.`,
      ),
  );
  assert.deepEqual(complaints, []);
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  assert.ok(size <= maxCardMessageBytes, `the card is ${size} bytes`);
  for (const chart of elements(card).filter((e) => chartTypes.includes(e.type as string))) {
    const type = String(chart.type);
    assert.equal((chart.fallback as { type?: string })?.type, 'FactSet', `${type} fallback`);
    const data = chart.data as Record<string, unknown>[];
    assert.ok(Array.isArray(data) && data.length > 0, `${type} has data`);
    for (const point of data) {
      if (type === 'Chart.Pie' || type === 'Chart.Donut') {
        assert.equal(typeof point.legend, 'string');
        assert.equal(typeof point.value, 'number');
      } else {
        assert.equal(typeof point.x, 'string');
        assert.equal(typeof point.y, 'number');
      }
    }
  }
}

describe('report cards', () => {
  const directory = directoryOf(organisation);
  const link = { url: 'https://qm-hjelp.example.com/reports/csv?token=x', expiresAt: now };

  const cases: [string, Directory, ReportScope, ReportCardOptions][] = [
    [
      "a superuser's units with choices and a download",
      directory,
      { kind: 'units', ids: ['hauge-vgs'] },
      { scopes: reportScopes(directory, people.sverre.email), download: link },
    ],
    [
      "an admin's whole organisation with the pack button",
      directory,
      { kind: 'organisation' },
      { scopes: reportScopes(directory, people.admin.email), download: link, mayPostPack: true },
    ],
    ['the half-yearly pack', directory, { kind: 'organisation' }, { pack: true }],
    [
      'an organisation of 300 units with everything on it',
      directoryOf(largeOrganisation(300)),
      { kind: 'organisation' },
      {
        scopes: reportScopes(directoryOf(largeOrganisation(300)), people.admin.email),
        download: link,
        mayPostPack: true,
      },
    ],
    [
      'the pack of an organisation of 300 units',
      directoryOf(largeOrganisation(300)),
      { kind: 'organisation' },
      { pack: true },
    ],
  ];
  for (const [name, dir, scope, options] of cases) {
    it(`parses and fits: ${name}`, () => {
      for (const locale of ['nb', 'en'] as const) {
        const card = renderReportCard(reportCardData(reportOf(dir, scope), dir, locale, options));
        assertTeamsCard(card);
        const types = elements(card).map((e) => e.type);
        for (const type of ['Chart.VerticalBar', 'Chart.Donut', 'Chart.HorizontalBar', 'Table'])
          assert.ok(types.includes(type), `${type} on the card`);
      }
    });
  }

  it('offers the pack only to an admin, and the choices only to the reader', () => {
    const report = reportOf(directory, { kind: 'organisation' });
    const admin = renderReportCard(
      reportCardData(report, directory, 'nb', {
        scopes: reportScopes(directory, people.admin.email),
        mayPostPack: true,
      }),
    );
    assert.ok(executes(admin).some((a) => a.verb === Verbs.reportPack));
    const pack = renderReportCard(reportCardData(report, directory, 'nb', { pack: true }));
    assert.equal(executes(pack).length, 0, 'the posted pack has no buttons');
    assert.match(JSON.stringify(pack), /Temaene som kom oftest/);
    assert.match(JSON.stringify(pack), /Kommentarer fra vurderingene/);
  });

  it('writes CSV that a spreadsheet cannot take for formulas', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('Hauge vgs'), 'Hauge vgs');
    assert.equal(csvCell('a,b'), '"a,b"');
    const evil = directoryOf({
      ...organisation,
      units: organisation.units.map((u) =>
        u.id === 'hauge-vgs' ? { ...u, name: '=cmd|calc!A1' } : u,
      ),
    });
    const csv = reportCsv(reportOf(evil, { kind: 'units', ids: ['hauge-vgs'] }), evil, 'nb');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0].split(',')[0], 'Saksnummer');
    assert.ok(lines.length > 1);
    for (const line of lines.slice(1)) assert.match(line, /,'=cmd\|calc!A1,/);
  });

  it('signs report links so that a changed or expired one is refused', () => {
    const secret = Buffer.from('a'.repeat(32));
    const link: ReportLink = {
      requester: people.sverre.email,
      scope: 'units:hauge-vgs',
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      locale: 'nb',
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    };
    const token = signReportLink(link, secret);
    assert.deepEqual(verifyReportLink(token, secret, now), { ok: true, link });
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...link, scope: 'organisation' })).toString(
      'base64url',
    );
    assert.deepEqual(verifyReportLink(`${forged}.${mac}`, secret, now), {
      ok: false,
      reason: 'tampered',
    });
    assert.deepEqual(verifyReportLink(token, Buffer.from('b'.repeat(32)), now), {
      ok: false,
      reason: 'tampered',
    });
    assert.deepEqual(verifyReportLink(`${body}.`, secret, now), { ok: false, reason: 'malformed' });
    assert.deepEqual(verifyReportLink(token, secret, new Date(now.getTime() + 3_600_000)), {
      ok: false,
      reason: 'expired',
    });
  });
});
