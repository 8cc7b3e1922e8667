import { compileRoutePattern, type RoutePattern } from '../throttling/route-pattern.ts';
import { connectorErrors } from './connector-error.ts';
import {
  connectorFaultsSchema,
  connectorLimitsSchema,
  type ConnectorFaults,
  type ConnectorFaultsInput,
  type ConnectorLimits,
  type ConnectorLimitsInput,
} from './connector-settings.ts';
import { WindowLimiter } from './window-limiter.ts';

/** What the connector counted since the last reset (GET /_devtenant/connector/stats). */
export interface ConnectorStats {
  readonly since: string;
  /** Authenticated connector requests that reached the limits (refused ones included). */
  requests: number;
  /** Activities created, activities updated, conversations created. */
  sent: number;
  updated: number;
  conversationsCreated: number;
  throttled: { conversation: number; tenant: number };
  /** 403s for people who blocked the bot or removed the app. */
  blocked: number;
  /** Injected faults by status. */
  faults: Record<string, number>;
  /** installationUpdate activities posted to the bot: answered 2xx, or not. */
  deliveries: { ok: number; failed: number };
}

/** One connector request as the limits see it. */
export interface ConnectorRequest {
  readonly method: string;
  /** Path from the service root, e.g. `/v3/conversations/a:1…/activities`. */
  readonly path: string;
  readonly botId: string;
  readonly tenantId: string;
  /** Absent for requests that are not about one conversation (creating one). */
  readonly conversationId?: string;
}

/** Limits, injected faults and counters of the development tenant's Bot Connector. */
export interface ConnectorTraffic {
  /** Throws the connector's 429 (or an injected fault) when the request may not proceed; counts it otherwise. */
  admit(request: ConnectorRequest): void;
  limits(): ConnectorLimits;
  faults(): ConnectorFaults;
  /** Validates (zod) and applies; windows already counted are kept. */
  setLimits(input: unknown): ConnectorLimits;
  /** Validates and applies; every rule's count restarts. */
  setFaults(input: unknown): ConnectorFaults;
  /** Counts an outcome the routes and the bot delivery see. */
  count(outcome: CountedOutcome): void;
  stats(): ConnectorStats;
  resetStats(): void;
}

/** Outcomes counted outside admission. */
export type CountedOutcome = 'sent' | 'updated' | 'conversationsCreated' | 'blocked' | 'deliveryOk' | 'deliveryFailed';

const emptyStats = (now: Date): ConnectorStats => ({
  since: now.toISOString(),
  requests: 0,
  sent: 0,
  updated: 0,
  conversationsCreated: 0,
  throttled: { conversation: 0, tenant: 0 },
  blocked: 0,
  faults: {},
  deliveries: { ok: 0, failed: 0 },
});

export function createConnectorTraffic(options: { now: () => Date; limits?: ConnectorLimitsInput; faults?: ConnectorFaultsInput }): ConnectorTraffic {
  let limits = connectorLimitsSchema.parse(options.limits ?? {});
  let faults = connectorFaultsSchema.parse(options.faults ?? {});
  let rules: { pattern: RoutePattern; count: number }[] = [];
  const compile = (): void => {
    rules = faults.nth.map((rule) => ({ pattern: compileRoutePattern(rule.route), count: 0 }));
  };
  compile();
  const limiter = new WindowLimiter();
  let stats = emptyStats(options.now());

  const injected = (request: ConnectorRequest): ConnectorFaults['nth'][number] | undefined => {
    let fired: ConnectorFaults['nth'][number] | undefined;
    faults.nth.forEach((rule, i) => {
      const state = rules[i]!;
      if (!state.pattern.matches(request.method, request.path)) return;
      state.count++;
      const fires = rule.repeat ? state.count % rule.n === 0 : state.count === rule.n;
      if (fires && !fired) fired = rule;
    });
    return fired;
  };

  return {
    admit(request) {
      stats.requests++;
      const fault = injected(request);
      if (fault) {
        stats.faults[String(fault.status)] = (stats.faults[String(fault.status)] ?? 0) + 1;
        throw connectorErrors.fault(fault.status, fault.retryAfterSeconds === undefined ? undefined : fault.retryAfterSeconds * 1000);
      }
      const nowMs = options.now().getTime();
      const tenantKey = `${request.botId}|${request.tenantId}`;
      const conversationKey = request.conversationId === undefined ? undefined : `${request.botId}|${request.conversationId}`;
      if (limits.enabled) {
        if (conversationKey !== undefined) {
          const conversation = limiter.check(`c|${conversationKey}`, limits.perConversation, nowMs);
          if (!conversation.ok) {
            stats.throttled.conversation++;
            throw connectorErrors.throttled(conversation.retryAfterMs);
          }
        }
        const tenant = limiter.check(`t|${tenantKey}`, limits.perTenant, nowMs);
        if (!tenant.ok) {
          stats.throttled.tenant++;
          throw connectorErrors.throttled(tenant.retryAfterMs);
        }
      }
      if (conversationKey !== undefined) limiter.record(`c|${conversationKey}`, nowMs);
      limiter.record(`t|${tenantKey}`, nowMs);
    },
    limits: () => limits,
    faults: () => faults,
    setLimits(input) {
      limits = connectorLimitsSchema.parse(input);
      return limits;
    },
    setFaults(input) {
      faults = connectorFaultsSchema.parse(input);
      compile();
      return faults;
    },
    count(outcome) {
      if (outcome === 'deliveryOk') stats.deliveries.ok++;
      else if (outcome === 'deliveryFailed') stats.deliveries.failed++;
      else stats[outcome]++;
    },
    stats: () => structuredClone(stats),
    resetStats() {
      stats = emptyStats(options.now());
    },
  };
}
