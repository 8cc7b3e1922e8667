/**
 * `upward program admins|add-admin|remove-admin|claim`: who runs a program. The admin who creates
 * a program owns it; the owner adds and removes co-admins; an unclaimed program (set up before
 * Upward recorded owners) can be claimed by any program admin. The server decides each one.
 */
import type { CommandContext } from './program-commands.ts';
import { UsageError } from './program-commands.ts';

type Command = (ctx: CommandContext) => Promise<void>;

function programOf(ctx: CommandContext): string {
  const id = ctx.args[0];
  if (!id) throw new UsageError('name the program: its id, as `list` shows it');
  return encodeURIComponent(id);
}

function userOf(ctx: CommandContext): string {
  const user = ctx.options['user'];
  if (typeof user !== 'string' || user.trim() === '') throw new UsageError('name the person with --user <upn|id>');
  return user;
}

/** One line per admin: name (or id), role, since when. */
export function formatAdmins(body: any): string[] {
  if (body.myAccess === 'unclaimed') return ['Nobody owns this program yet; any program admin may `claim` it.'];
  return body.admins.map((a: any) => `${a.role === 'owner' ? 'owner   ' : 'co-admin'}  ${a.displayName ?? a.userId}  (${a.userId}, since ${String(a.addedAt).slice(0, 10)})`);
}

function show(ctx: CommandContext, body: unknown, lines: string[]): void {
  if (ctx.json) ctx.print(JSON.stringify(body, null, 2));
  else for (const line of lines) ctx.print(line);
}

export const ADMIN_COMMANDS: Readonly<Record<string, Command>> = {
  async admins(ctx) {
    const body = await ctx.api.get(`/programs/${programOf(ctx)}/admins`);
    show(ctx, body, formatAdmins(body));
  },
  async 'add-admin'(ctx) {
    const body = await ctx.api.post(`/programs/${programOf(ctx)}/admins`, { user: userOf(ctx) });
    show(ctx, body, ['Added. The program is run by:', ...formatAdmins(body)]);
  },
  async 'remove-admin'(ctx) {
    const body = await ctx.api.delete(`/programs/${programOf(ctx)}/admins/${encodeURIComponent(userOf(ctx))}`);
    show(ctx, body, ['Removed. The program is run by:', ...formatAdmins(body)]);
  },
  async claim(ctx) {
    const body = await ctx.api.post(`/programs/${programOf(ctx)}/claim`);
    show(ctx, body, ['You own this program now.', ...formatAdmins(body)]);
  },
};
