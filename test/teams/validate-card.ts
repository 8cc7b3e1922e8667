import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The UMD bundle of Microsoft's Adaptive Cards renderer parses and validates cards under Node.
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Every problem Microsoft's parser finds in a card: unknown types, bad properties, duplicate input ids. */
export function cardProblems(card: unknown): string[] {
  const json = JSON.parse(JSON.stringify(card)) as Record<string, unknown>;
  const problems: string[] = [];
  if (json['type'] !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (json['version'] !== '1.5') problems.push(`version is ${String(json['version'])}, not 1.5`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
