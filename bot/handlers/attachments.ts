import type { Attachment } from 'botbuilder';
import { z } from 'zod/v4';
import type { NewAttachment } from '../../src/inquiries/commands';

/** A file sent in a 1:1 chat: Teams gives its name, a download link and its type. */
const fileDownloadInfo = 'application/vnd.microsoft.teams.file.download.info';
const downloadInfo = z.object({
  downloadUrl: z.url({ protocol: /^https?$/ }),
  fileType: z.string().max(50).optional(),
  size: z.number().int().nonnegative().optional(),
});
const contentUrl = z.url({ protocol: /^https?$/ });
const name = z.string().trim().min(1).max(255);

/** Teams' copy of the message text as HTML, and cards: not files the asker sent. */
function isMessageBody(attachment: Attachment): boolean {
  const type = attachment.contentType.toLowerCase();
  return (
    type === 'text/html' ||
    type === 'text/plain' ||
    type.startsWith('application/vnd.microsoft.card.')
  );
}

/**
 * The files and images of an incoming message, as they are recorded on an inquiry: name, type,
 * size when Teams says, and the link Teams gives. Inline images come with a content URL only.
 */
export function attachmentsOf(attachments: Attachment[] | undefined): NewAttachment[] {
  return (attachments ?? []).flatMap((attachment, index): NewAttachment[] => {
    if (isMessageBody(attachment)) return [];
    const title = name.safeParse(attachment.name);
    if (attachment.contentType === fileDownloadInfo) {
      const info = downloadInfo.safeParse(attachment.content);
      if (!info.success) return [];
      return [
        {
          name: title.success ? title.data : `file-${index + 1}`,
          contentType: info.data.fileType
            ? `${fileDownloadInfo};${info.data.fileType}`
            : fileDownloadInfo,
          ...(info.data.size !== undefined ? { size: info.data.size } : {}),
          url: info.data.downloadUrl,
        },
      ];
    }
    const url = contentUrl.safeParse(attachment.contentUrl);
    if (!url.success) return [];
    const type = attachment.contentType.slice(0, 100);
    const extension = type.startsWith('image/') ? type.slice(6).split(/[;+]/)[0] : undefined;
    return [
      {
        name: title.success ? title.data : `image-${index + 1}${extension ? `.${extension}` : ''}`,
        contentType: type,
        url: url.data,
      },
    ];
  });
}

/**
 * The message a Teams reply quotes: Teams puts the quoted message in the HTML copy of the text as
 * `<blockquote itemtype="http://schema.skype.com/Reply" itemid="…">`.
 */
export function quotedMessageId(attachments: Attachment[] | undefined): string | undefined {
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== 'text/html' || typeof attachment.content !== 'string') continue;
    const quote = /<blockquote[^>]*itemtype="http:\/\/schema\.skype\.com\/Reply"[^>]*>/i.exec(
      attachment.content,
    );
    const id = quote ? /itemid="([^"]+)"/i.exec(quote[0])?.[1] : undefined;
    if (id) return id;
  }
  return undefined;
}

/**
 * The inquiry numbers in the message a Teams reply quotes, as Teams shows a preview of it inside
 * the blockquote ("QM-2026-0042").
 */
export function quotedInquiryNumbers(attachments: Attachment[] | undefined): string[] {
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== 'text/html' || typeof attachment.content !== 'string') continue;
    const quote =
      /<blockquote[^>]*itemtype="http:\/\/schema\.skype\.com\/Reply"[^>]*>([\s\S]*?)<\/blockquote>/i.exec(
        attachment.content,
      );
    if (quote) return [...new Set(quote[1].match(/QM-\d{4}-\d{4,}/g) ?? [])];
  }
  return [];
}
