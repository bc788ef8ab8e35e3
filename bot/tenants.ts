import type { Activity } from 'botbuilder';

/** The Microsoft Entra tenant an activity comes from, as Teams states it. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' && id !== '' ? id.toLowerCase() : undefined;
}

/** Whether the bot serves this activity's tenant; an activity that names none is not served. */
export function isServedTenant(activity: Partial<Activity>, tenants: readonly string[]): boolean {
  const tenant = tenantOf(activity);
  return tenant !== undefined && tenants.includes(tenant);
}
