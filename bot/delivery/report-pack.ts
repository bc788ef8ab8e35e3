import { renderReportCard, reportCardData } from '../../cards/report';
import { messages } from '../../src/i18n';
import type { NotificationIntent } from '../../src/notifications/intents';
import { loadReport } from '../../src/reports/load-report';
import type { TeamsEndpoint } from '../../src/store/ports';
import { cardActivity } from './card-activity';
import type { DeliveryDeps } from './deliver';
import { PermanentDeliveryError } from './errors';
import { attempted } from './sent-log';

/**
 * Posts the half-yearly report pack as a new thread in the resource group's channel: the whole
 * organisation's report for the period, with the topics that came up most often, the stalled and
 * breached inquiries and the ratings' comments, computed now.
 */
export async function postReportPack(
  deps: DeliveryDeps,
  intent: Extract<NotificationIntent, { kind: 'report.pack' }>,
  endpoint: () => Promise<TeamsEndpoint>,
): Promise<void> {
  const directory = await deps.directories.current();
  const channel = directory.snapshot.structure.resourceGroup?.channel;
  if (!channel)
    throw new PermanentDeliveryError('The organisation names no resource group channel');
  const period = {
    kind: 'half_year' as const,
    from: new Date(intent.from),
    to: new Date(intent.to),
  };
  const now = deps.clock.now();
  const report = await loadReport(deps.store, directory, { kind: 'organisation' }, period, now);
  const locale = directory.language;
  const card = renderReportCard(reportCardData(report, directory, locale, { pack: true }));
  const at = await endpoint();
  await attempted(deps.sent, `channel:${channel.channelId}`, () =>
    deps.sender.postToChannel(
      at,
      channel.channelId,
      cardActivity(card, messages(locale).reports.pack.summary, locale),
    ),
  );
}
