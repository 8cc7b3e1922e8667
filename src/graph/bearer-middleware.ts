import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Puts the app-only bearer token on every Graph request. The library's own AuthenticationHandler
 * only does so for https URLs on known Graph hosts, which would silently send no token to a
 * Graph endpoint on another host (the development tenant, a national cloud behind a proxy).
 */
export class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly token: () => Promise<string>;

  constructor(token: () => Promise<string>) {
    this.token = token;
  }

  async execute(context: Context): Promise<void> {
    const token = await this.token();
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
