import { CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { orgImportCardData, renderOrgImportCard } from '../../cards/org-import';
import { Verbs } from '../../cards/verbs';
import { formatOrgErrors } from '../../src/org/import';
import { confirmImport, previewImport } from '../../src/org/import-preview';
import { orgEditor } from '../../src/org/roles';
import type { OrgError } from '../../src/org/validate';
import { actorOf } from './organisation-admin';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

const fileDownloadInfo = 'application/vnd.microsoft.teams.file.download.info';
const uploaded = z.object({
  contentType: z.literal(fileDownloadInfo),
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/\.json$/i),
  content: z.object({ downloadUrl: z.url({ protocol: /^https?$/ }) }),
});

/** The largest organisation file fetched. */
export const maxOrgFileBytes = 10 * 1024 * 1024;
/** How long fetching it may take. */
const downloadTimeoutMs = 30_000;
/** At most this many errors are listed in chat; the rest are counted. */
const listedErrors = 30;

/**
 * Where a file sent to the bot may be fetched from: Teams keeps files sent in 1:1 chat in the
 * sender's OneDrive (SharePoint Online), over HTTPS. Loopback is allowed only in local mode,
 * where the connector itself is local.
 */
export function downloadAllowed(url: URL, localMode: boolean): boolean {
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && (host.endsWith('.sharepoint.com') || host === 'sharepoint.com'))
    return true;
  return localMode && ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host);
}

type Download = { ok: true; text: string } | { ok: false; reason: 'host' | 'failed' | 'too_large' };

async function download(url: string, localMode: boolean): Promise<Download> {
  const parsed = new URL(url);
  if (!downloadAllowed(parsed, localMode)) return { ok: false, reason: 'host' };
  try {
    const response = await fetch(parsed, {
      redirect: 'error',
      signal: AbortSignal.timeout(downloadTimeoutMs),
    });
    if (!response.ok) return { ok: false, reason: 'failed' };
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > maxOrgFileBytes) return { ok: false, reason: 'too_large' };
    const body = await response.arrayBuffer();
    if (body.byteLength > maxOrgFileBytes) return { ok: false, reason: 'too_large' };
    return { ok: true, text: Buffer.from(body).toString('utf8') };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

function errorLines(errors: OrgError[], more: (count: number) => string): string {
  const shown = formatOrgErrors(errors.slice(0, listedErrors));
  return errors.length > listedErrors ? `${shown}\n  ${more(errors.length - listedErrors)}` : shown;
}

/**
 * An organisation file (`.json`) sent in 1:1 chat by an admin or system responsible: fetched,
 * validated and compared with the stored organisation, and shown as a preview with "apply";
 * nothing changes yet. An invalid file is answered with its errors. Returns false for any other
 * message, which then goes on as usual.
 */
export async function previewUploadedOrgFile(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<boolean> {
  const file = (context.activity.attachments ?? [])
    .map((a: Attachment) => uploaded.safeParse(a))
    .find((p) => p.success)?.data;
  if (!file || !orgEditor(turn.directory, turn.who.person.email)) return false;
  const t = turn.t.organisation.import;
  const fetched = await download(file.content.downloadUrl, deps.localMode ?? false);
  if (!fetched.ok) {
    turn.log.info({ reason: fetched.reason }, 'organisation file not fetched');
    await context.sendActivity(
      fetched.reason === 'host'
        ? t.notAllowedHost(file.name)
        : fetched.reason === 'too_large'
          ? t.tooLarge(file.name)
          : t.downloadFailed(file.name),
    );
    return true;
  }
  const outcome = await previewImport(deps, actorOf(turn), { name: file.name, text: fetched.text });
  if (!outcome.ok) {
    turn.log.info({ errors: outcome.errors.length }, 'organisation file invalid');
    await context.sendActivity(
      t.invalid(file.name, outcome.errors.length, errorLines(outcome.errors, t.more)),
    );
    return true;
  }
  const card = renderOrgImportCard(orgImportCardData(outcome.preview, turn.locale));
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return true;
}

/** "Ta i bruk filen": applies the previewed file if the organisation is as it was previewed. */
export function orgImportActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  return {
    [Verbs.orgImport]: validatedAction(
      deps,
      z.object({
        importId: z.string().min(1).max(100),
        version: z.coerce.number().int().min(-1),
      }),
      async (_context, turn, value) => {
        const t = turn.t.organisation.import;
        if (!orgEditor(turn.directory, turn.who.person.email))
          return turn.t.organisation.refusals.notAllowed;
        const version = value.version < 0 ? undefined : value.version;
        const outcome = await confirmImport(deps, actorOf(turn), value.importId, version);
        if (outcome.ok) return t.applied(outcome.version);
        if (outcome.reason === 'unknown_import') return t.unknownImport;
        return renderOrgImportCard(
          orgImportCardData(outcome.preview, turn.locale, t.changedMeanwhile),
        );
      },
    ),
  };
}
