import type { Topic } from '../org/schema';

function normalise(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}+]+/gu, ' ')} `;
}

/**
 * The topic a question is obviously about: the one topic whose keywords (word starts) appear in
 * it. Undefined when none or several match, so the asker is asked.
 */
export function obviousTopic(topics: readonly Topic[], text: string): string | undefined {
  const haystack = normalise(text);
  const matching = topics.filter((topic) =>
    topic.keywords.some((keyword) => haystack.includes(` ${normalise(keyword).trim()}`)),
  );
  return matching.length === 1 ? matching[0]?.id : undefined;
}
