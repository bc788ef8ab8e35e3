/**
 * The Agents Playground writes `en-US` into every activity it sends, whatever its user's language
 * (it has no setting for it). In local mode the bot reads the Playground's activities in the
 * locale configured for it instead, so a newcomer sees the cards as Teams would show them to the
 * organisation. Activities from anywhere else keep their own locale.
 */
export function isFromPlayground(serviceUrl: string): boolean {
  try {
    const url = new URL(serviceUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return loopback && url.pathname.startsWith('/_connector');
  } catch {
    return false;
  }
}

export function withPlaygroundLocale<T extends { serviceUrl: string; locale?: string }>(
  activity: T,
  locale: string | undefined,
): T {
  return locale && isFromPlayground(activity.serviceUrl) ? { ...activity, locale } : activity;
}
