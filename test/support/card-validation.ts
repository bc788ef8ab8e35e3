// The package's `lib/` entry is ES modules written for a browser and fails to load in Node. Its
// self-contained `dist/` build loads as it is: parsing builds no DOM, so no DOM globals are needed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
  Versions: { v1_5: unknown };
};

/** Every complaint of the Adaptive Cards 1.5 parser, then of its validation (duplicate ids…). */
export function validationErrors(json: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const parsing = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  return [...parsing, ...card.validateProperties().validationEvents].map((e) => e.message);
}
