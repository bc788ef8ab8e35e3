import { z } from 'zod/v4';

/** The part of a message action's invoke that says which message it was started on. */
const messageActionValue = z.object({
  messagePayload: z.object({
    body: z
      .object({
        contentType: z.string().optional(),
        content: z.string().optional(),
      })
      .optional(),
    linkToMessage: z.url({ protocol: /^https$/ }).optional(),
  }),
});

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Teams sends a message's body as HTML; this is the text a reader sees, line breaks kept. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text and link of the message a message action was started on; empty when Teams gave none. */
export function messageOfAction(value: unknown): { text: string; link?: string } {
  const parsed = messageActionValue.safeParse(value);
  if (!parsed.success) return { text: '' };
  const { body, linkToMessage } = parsed.data.messagePayload;
  const content = body?.content ?? '';
  const text = body?.contentType === 'text' ? content.trim() : htmlToText(content);
  return { text, ...(linkToMessage ? { link: linkToMessage } : {}) };
}
