/** Reads built cards as the JSON Teams receives, and finds elements, inputs, actions and text in them. */
import { expect } from 'vitest';
import { cardProblems } from '../validate-card.ts';

export type Json = Record<string, any>;

/** The card as JSON, after checking Microsoft's parser finds no problem in it. */
export function validCard(built: unknown): Json {
  const json = JSON.parse(JSON.stringify(built)) as Json;
  expect(cardProblems(json)).toEqual([]);
  expect(json['version']).toBe('1.5');
  return json;
}

/** Every element of the body, depth first (containers, columns, action sets). */
export function elements(card: Json): Json[] {
  const out: Json[] = [];
  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const element of list as Json[]) {
      out.push(element);
      visit(element['items']);
      visit(element['columns']);
      for (const column of (element['columns'] ?? []) as Json[]) visit(column['items']);
    }
  };
  visit(card['body']);
  return out;
}

export const inputs = (card: Json): Json[] => elements(card).filter((e) => String(e['type']).startsWith('Input.'));

/** Card-level actions, those of action sets, and the refresh action. */
export function actions(card: Json): Json[] {
  const fromSets = elements(card).flatMap((e) => (e['type'] === 'ActionSet' ? (e['actions'] as Json[]) : []));
  return [...((card['actions'] ?? []) as Json[]), ...fromSets];
}

export const byId = (card: Json, id: string): Json | undefined => elements(card).find((e) => e['id'] === id);

/** All text a reader sees: TextBlocks, facts, labels, titles, choices, placeholders, action titles. */
export function allText(card: Json): string {
  const parts: string[] = [];
  for (const e of elements(card)) {
    for (const key of ['text', 'label', 'title', 'placeholder', 'value']) if (typeof e[key] === 'string') parts.push(e[key]);
    for (const fact of (e['facts'] ?? []) as Json[]) parts.push(fact['title'], fact['value']);
    for (const choice of (e['choices'] ?? []) as Json[]) parts.push(choice['title']);
  }
  for (const action of actions(card)) if (typeof action['title'] === 'string') parts.push(action['title']);
  return parts.join('\n');
}

/** Every Action.Execute has a verb from the list and data that carries `ids`; and nothing but Execute and OpenUrl exists. */
export function expectExecuteActions(card: Json, verbs: readonly string[]): Json[] {
  const all = actions(card);
  for (const action of all) expect(['Action.Execute', 'Action.OpenUrl']).toContain(action['type']);
  const executes = all.filter((a) => a['type'] === 'Action.Execute');
  for (const action of executes) {
    expect(verbs).toContain(action['verb']);
    expect(typeof action['data']).toBe('object');
  }
  return executes;
}

/** Every input has a line saying who will see it. */
export function expectAudienceForEveryInput(card: Json): void {
  const list = inputs(card);
  expect(list.length).toBeGreaterThan(0);
  for (const input of list) {
    const line = byId(card, `${input['id']}-audience`);
    expect(line, `who-sees line for ${input['id']}`).toBeDefined();
    expect(String(line!['text'])).toMatch(/^Who sees this: \S/);
  }
}
