/** Invokes as the Agents Playground sends them when someone uses a message extension. */
import { expect } from 'vitest';
import type { PlaygroundConfig } from '../../scripts/playground-config.ts';
import type { RunningPlayground } from './playground-process.ts';

/**
 * Sends the invoke `name` with `value` through the Playground, from its current user in the
 * personal chat, and answers the bot's reply; a reply of 300 or more fails with the Playground's
 * log, where the reason is.
 */
export async function invokeInPlayground(playground: RunningPlayground, config: PlaygroundConfig, name: string, value: unknown): Promise<any> {
  const response = await fetch(`${playground.url}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, value, from: { id: config.currentUser.id }, conversation: { id: config.personalChat.id } }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  expect(response.status, `${name}: ${text} ${playground.logTail()}`).toBeLessThan(300);
  return JSON.parse(text);
}
