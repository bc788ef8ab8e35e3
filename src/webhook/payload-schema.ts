import { z } from 'zod/v4';
import { inquiryStatuses, levels } from '../inquiries/inquiry';
import { webhookSchemaVersion } from './payload';

/**
 * The webhook payload as a schema: what receivers may rely on (docs/webhook.md). Published as
 * schema/webhook-event.schema.json; a test checks every payload the bot sends against it.
 */
const instant = z.iso.datetime({ offset: true });
const person = z.object({ key: z.string(), name: z.string() }).strict();
const place = z.object({ unitId: z.string(), topicId: z.string() }).strict();
const named = z.object({ id: z.string(), name: z.string().optional() }).strict();

export const webhookPayloadSchema = z
  .object({
    schemaVersion: z.literal(webhookSchemaVersion),
    deliveryId: z.string().describe('The same for every attempt to deliver this event to one URL'),
    event: z
      .object({
        id: z.string().describe('<inquiry id>:<sequence>, the same for every URL'),
        sequence: z.number().int().min(0),
        type: z.string().describe('What happened: opened, routed, claimed, answered, ...'),
        at: instant,
        level: z.enum(levels).optional(),
        reason: z.enum(['deadline', 'claim_timeout', 'manual']).optional(),
        move: z.object({ from: place, to: place }).strict().optional(),
        attachmentCount: z.number().int().min(1).optional(),
        by: person.optional(),
        to: person.optional(),
        note: z.string().optional(),
      })
      .strict(),
    inquiry: z
      .object({
        id: z.string(),
        number: z.string().regex(/^QM-\d{4}-\d{4,}$/),
        status: z.enum(inquiryStatuses),
        level: z.enum(levels),
        locale: z.enum(['nb', 'en']),
        unit: named,
        workArea: named,
        topic: named,
        createdAt: instant,
        updatedAt: instant,
        deadline: instant.optional(),
        vendorCase: z
          .object({ at: instant, caseNumber: z.string().optional() })
          .strict()
          .optional(),
        asker: person.optional(),
        assignee: person.optional(),
        text: z.string().optional(),
        answer: z.object({ text: z.string(), at: instant, by: person }).strict().optional(),
      })
      .strict(),
  })
  .strict();

/** The text of schema/webhook-event.schema.json. */
export function webhookJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(webhookPayloadSchema),
    $id: 'https://qm-hjelp.example/schema/webhook-event.schema.json',
    title: 'Qm+ Hjelp webhook event, version 1',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
