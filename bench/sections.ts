import type { Section } from './section';
import { cosmosSection } from './sections/cosmos';
import { escalationSection } from './sections/escalation';
import { queueSection } from './sections/queue';
import { suggestionsSection } from './sections/suggestions';
import { turnsSection } from './sections/turns';

/** The benchmark's sections, run in this order; a new one is one file and one line here. */
export const sections: Section[] = [
  turnsSection,
  cosmosSection,
  escalationSection,
  suggestionsSection,
  queueSection,
];
