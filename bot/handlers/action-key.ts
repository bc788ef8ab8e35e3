import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

/** The same JSON for the same data, whatever order its keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stable key of one card action, so that it is taken once. A card's buttons carry the rendering
 * of the inquiry they were shown with (`rev`): the same person pressing the same button with the
 * same input on the same rendering is one request, whether Teams delivered the invoke twice or
 * the button was pressed twice. A card without it is known only by the invoke's own id.
 */
export function actionKeyOf(
  context: TurnContext,
  actorKey: string,
  verb: string,
  data: { rev?: unknown },
): string {
  const { activity } = context;
  if (data.rev === undefined) return `invoke|${activity.conversation.id}|${activity.id ?? ''}`;
  const digest = createHash('sha256')
    .update(canonical({ actor: actorKey, verb, data }))
    .digest('base64url');
  return `action|${digest}`;
}
