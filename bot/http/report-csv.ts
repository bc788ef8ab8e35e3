import type restify from 'restify';
import type { Clock } from '../../src/clock';
import type { Logger } from '../../src/logger';
import type { DirectoryProvider } from '../../src/org/provider';
import { reportCsv } from '../../src/reports/csv';
import { loadReport } from '../../src/reports/load-report';
import { reportCsvPath, verifyReportLink } from '../../src/reports/report-link';
import { mayReadReport, parseScopeKey } from '../../src/routing/report-scope';
import type { Store } from '../../src/store/ports';

export interface ReportCsvOptions {
  store: Store;
  directories: DirectoryProvider;
  clock: Clock;
  logger: Logger;
  /** The secret the links are signed with; without one no link is valid. */
  secret: () => Buffer | undefined;
}

function refuse(res: restify.Response, status: number, error: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ error }));
}

/**
 * `GET /reports/csv?token=…`: a report's CSV for a signed link. The link is checked (signature,
 * then expiry), and then whether its requester may still see its scope; a refusal says which, and
 * the log says only that, never who or what.
 */
export function addReportCsvRoute(server: restify.Server, options: ReportCsvOptions): void {
  server.get(reportCsvPath, async (req, res) => {
    try {
      await answer(req, res, options);
    } catch (error) {
      options.logger.error({ error: (error as Error).message }, 'report download failed');
      refuse(res, 500, 'The report could not be made. Try again later.');
    }
  });
}

async function answer(
  req: restify.Request,
  res: restify.Response,
  options: ReportCsvOptions,
): Promise<void> {
  const log = options.logger;
  const secret = options.secret();
  const token = new URL(req.url ?? '', 'http://localhost').searchParams.get('token') ?? '';
  if (!secret) {
    refuse(res, 404, 'Report downloads are not set up.');
    return;
  }
  const now = options.clock.now();
  const verified = verifyReportLink(token, secret, now);
  if (!verified.ok) {
    log.info({ reason: verified.reason }, 'report download refused');
    const answer = {
      malformed: [400, 'This is not a report link.'],
      tampered: [403, 'This report link has been changed and is not valid.'],
      expired: [410, 'This report link has expired. Ask for the report again in Teams.'],
    } as const;
    const [status, error] = answer[verified.reason];
    refuse(res, status, error);
    return;
  }
  const { link } = verified;
  const directory = await options.directories.current();
  const scope = parseScopeKey(link.scope);
  if (!scope || !mayReadReport(directory, link.requester, scope)) {
    log.info({ reason: 'not_allowed' }, 'report download refused');
    refuse(res, 403, 'The person this link was made for may not see this report.');
    return;
  }
  const period = { kind: 'custom' as const, from: new Date(link.from), to: new Date(link.to) };
  const report = await loadReport(options.store, directory, scope, period, now);
  const body = `\uFEFF${reportCsv(report, directory, link.locale)}`;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="qm-hjelp-${day(period.from)}-${day(period.to)}.csv"`,
    'cache-control': 'no-store',
  });
  res.end(body);
  log.info({ rows: report.rows.length, scope: scope.kind }, 'report downloaded');
}
