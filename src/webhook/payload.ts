import { createHash } from 'node:crypto';
import type { Inquiry, InquiryEvent } from '../inquiries/inquiry';
import type { PersonRef } from '../inquiries/person';
import type { Directory } from '../org/directory';

/** The payload's version: raised when a field changes meaning or goes; new fields keep it. */
export const webhookSchemaVersion = 1;

/** A person as a payload names them; only with personal data switched on. */
interface PayloadPerson {
  key: string;
  name: string;
}

/** What one event of an inquiry looks like to a receiver (docs/webhook.md, schema/webhook.schema.json). */
export interface WebhookPayload {
  schemaVersion: typeof webhookSchemaVersion;
  /** The same for every attempt to deliver this event to this URL. */
  deliveryId: string;
  event: {
    /** `<inquiry id>:<sequence>`: the same for every URL. */
    id: string;
    /** The event's place in the inquiry's history, from 0: order a receiver's events by it. */
    sequence: number;
    type: InquiryEvent['type'];
    at: string;
    level?: InquiryEvent['level'];
    reason?: InquiryEvent['reason'];
    move?: InquiryEvent['move'];
    /** How many files the asker added with this step. */
    attachmentCount?: number;
    by?: PayloadPerson;
    to?: PayloadPerson;
    note?: string;
  };
  /** The inquiry as it is when the event is delivered (a retry may show a later state). */
  inquiry: {
    id: string;
    number: string;
    status: Inquiry['status'];
    level: Inquiry['level'];
    locale: Inquiry['locale'];
    unit: { id: string; name?: string };
    workArea: { id: string; name?: string };
    topic: { id: string; name?: string };
    createdAt: string;
    updatedAt: string;
    deadline?: string;
    vendorCase?: { at: string; caseNumber?: string };
    asker?: PayloadPerson;
    assignee?: PayloadPerson;
    text?: string;
    answer?: { text: string; at: string; by: PayloadPerson };
  };
}

/** The configured URL an outbox item names: a digest, so no URL (nor a token in it) is stored. */
export function webhookTarget(url: string): string {
  return createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 16);
}

export function webhookDeliveryId(inquiryId: string, sequence: number, target: string): string {
  return `${inquiryId}:${sequence}:${target}`;
}

function person(ref: PersonRef | { key: string; name: string }): PayloadPerson {
  return { key: ref.key, name: ref.name };
}

/**
 * The payload for event `sequence` of an inquiry, or undefined when the inquiry has no such event.
 * Without `includePersonalData` it carries no question, answer, note or name: only what a service
 * desk needs to follow the inquiry by its number.
 */
export function webhookPayload(
  inquiry: Inquiry,
  sequence: number,
  target: string,
  directory: Directory,
  includePersonalData: boolean,
): WebhookPayload | undefined {
  const event = inquiry.history[sequence];
  if (!event) return undefined;
  const personal = includePersonalData;
  const topic = directory.topic(inquiry.topicId);
  return {
    schemaVersion: webhookSchemaVersion,
    deliveryId: webhookDeliveryId(inquiry.id, sequence, target),
    event: {
      id: `${inquiry.id}:${sequence}`,
      sequence,
      type: event.type,
      at: event.at,
      ...(event.level ? { level: event.level } : {}),
      ...(event.reason ? { reason: event.reason } : {}),
      ...(event.move ? { move: event.move } : {}),
      ...(event.attachments?.length ? { attachmentCount: event.attachments.length } : {}),
      ...(personal && event.by ? { by: person(event.by) } : {}),
      ...(personal && event.to ? { to: person(event.to) } : {}),
      ...(personal && event.note ? { note: event.note } : {}),
    },
    inquiry: {
      id: inquiry.id,
      number: inquiry.number,
      status: inquiry.status,
      level: inquiry.level,
      locale: inquiry.locale,
      unit: { id: inquiry.unitId, ...nameOf(directory.unit(inquiry.unitId)?.name) },
      workArea: { id: inquiry.workAreaId, ...nameOf(directory.workArea(inquiry.workAreaId)?.name) },
      topic: { id: inquiry.topicId, ...nameOf(topic?.name[directory.language]) },
      createdAt: inquiry.createdAt,
      updatedAt: inquiry.updatedAt,
      ...(inquiry.deadline ? { deadline: inquiry.deadline } : {}),
      ...(inquiry.vendorCase
        ? {
            vendorCase: {
              at: inquiry.vendorCase.at,
              ...(inquiry.vendorCase.caseNumber
                ? { caseNumber: inquiry.vendorCase.caseNumber }
                : {}),
            },
          }
        : {}),
      ...(personal
        ? {
            asker: person(inquiry.asker),
            ...(inquiry.assignee ? { assignee: person(inquiry.assignee) } : {}),
            text: inquiry.text,
            ...(inquiry.answer
              ? {
                  answer: {
                    text: inquiry.answer.text,
                    at: inquiry.answer.at,
                    by: person(inquiry.answer.by),
                  },
                }
              : {}),
          }
        : {}),
    },
  };
}

function nameOf(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}
