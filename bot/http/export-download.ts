import type restify from 'restify';
import type { Clock } from '../../src/clock';
import { openSubject, verifyLink } from '../../src/links/signed-link';
import type { Logger } from '../../src/logger';
import type { DirectoryProvider } from '../../src/org/provider';
import { privacyActionCompleted, type PrivacyRecordDeps } from '../../src/privacy/completed';
import { exportPerson, identify } from '../../src/privacy/person-data';
import type { Store } from '../../src/store/ports';
import { exportPurpose, exportSealKey, exportSubject } from '../handlers/privacy-commands';

export interface ExportDownloadOptions extends PrivacyRecordDeps {
  store: Store;
  directories: DirectoryProvider;
  clock: Clock;
  logger: Logger;
  linkKey: Buffer;
}

/** The path signed export links point at. */
export const exportPath = '/privacy/export';

/**
 * `GET /privacy/export?…`: the JSON of everything stored about one person, for the holder of a
 * signed link an admin asked for, until it expires. A tampered, foreign or expired link gets 403
 * and nothing else; the log says why, never whose data it was.
 */
export function addExportDownload(server: restify.Server, options: ExportDownloadOptions): void {
  server.get(exportPath, async (req, res) => {
    const query = Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams);
    const now = options.clock.now();
    const check = verifyLink(options.linkKey, query, exportPurpose, now);
    const refuse = (reason: string) => {
      options.logger.warn({ reason }, 'export link refused');
      res.header('cache-control', 'no-store');
      res.send(403, { error: 'This link is not valid or has expired.' });
    };
    if (!check.ok) return refuse(check.reason);
    const opened = openSubject(exportSealKey(options.linkKey), check.claims.subject);
    const record = exportSubject.safeParse(opened === undefined ? undefined : parsedJson(opened));
    if (!record.success) return refuse('unknown_export');
    const directory = await options.directories.current();
    const data = await exportPerson(options.store, identify(record.data.person, directory), now);
    await privacyActionCompleted(options, {
      kind: 'export_download',
      by: {
        key: record.data.by,
        name: directory.staffMember(record.data.by)?.name ?? record.data.by,
      },
      subject: record.data.person,
      at: now.toISOString(),
    });
    const body = JSON.stringify(data, null, 2);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="qm-hjelp-personopplysninger.json"',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
