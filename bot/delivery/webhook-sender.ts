import type { Clock } from '../../src/clock';
import type { WebhookConfig } from '../../src/config';
import type { Directory } from '../../src/org/directory';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { webhookPayload, webhookTarget } from '../../src/webhook/payload';
import { signWebhook, webhookHeaders } from '../../src/webhook/signature';
import { PermanentDeliveryError } from './errors';

/**
 * A receiver's answer other than 2xx, or no answer in time. Carries the status and headers the
 * retry policy reads (a 429's Retry-After), as the connector's errors do.
 */
export class WebhookCallError extends Error {
  override readonly name = 'WebhookCallError';
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly response?: { headers: Headers },
  ) {
    super(message);
  }
}

/** What a log line may say about a webhook call: the status or the kind of fault, never the URL. */
function faultOf(error: unknown, timeoutMs: number, signal: AbortSignal): string {
  if (signal.aborted) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === 'string' ? cause : 'the request failed';
}

/**
 * Posts one event of an inquiry to the configured URL that `target` names, signed (docs/webhook.md).
 * Resolves when the receiver answered 2xx; a URL no longer configured is skipped.
 */
export async function sendWebhook(
  settings: WebhookConfig,
  clock: Clock,
  inquiry: Inquiry,
  directory: Directory,
  sequence: number,
  target: string,
): Promise<void> {
  const url = settings.urls.find((candidate) => webhookTarget(candidate) === target);
  if (!url) return;
  const payload = webhookPayload(
    inquiry,
    sequence,
    target,
    directory,
    settings.includePersonalData,
  );
  if (!payload) throw new PermanentDeliveryError(`The inquiry has no event ${sequence}`);
  const body = JSON.stringify(payload);
  const { timestamp, signature } = signWebhook(settings.secret, body, clock.now());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Qm-Hjelp-Webhook/1',
        [webhookHeaders.signature]: signature,
        [webhookHeaders.timestamp]: timestamp,
        [webhookHeaders.delivery]: payload.deliveryId,
        [webhookHeaders.event]: payload.event.type,
      },
      body,
    });
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status >= 300)
      throw new WebhookCallError(
        `the receiver answered ${response.status}`,
        response.status,
        response,
      );
  } catch (error) {
    if (error instanceof WebhookCallError) throw error;
    throw new WebhookCallError(
      `webhook not delivered: ${faultOf(error, settings.timeoutMs, controller.signal)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
