import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './use-channel.json';
import { Inputs, Verbs } from './verbs';

export interface UseChannelCardData {
  title: string;
  first: string;
  workAreas: { title: string; value: string }[];
  pick: string;
}

/** For someone who may set several work areas' triage channel: which one this channel is for. */
export function renderUseChannelCard(data: UseChannelCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, inputId: Inputs.orgWorkArea, verb: Verbs.orgChannel });
}

export function useChannelCardData(
  directory: Directory,
  workAreaIds: string[],
  locale: Locale,
): UseChannelCardData {
  const t = messages(locale).organisation.channel;
  return {
    title: t.pickTitle,
    first: workAreaIds[0] ?? '',
    workAreas: workAreaIds.map((id) => ({ title: directory.workArea(id)?.name ?? id, value: id })),
    pick: t.pick,
  };
}
