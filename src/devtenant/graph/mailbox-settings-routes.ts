import type { Router } from 'express';
import { callerOf } from '../http/caller.ts';
import type { GraphRouteDeps, GraphRouteModule } from '../http/graph-route-module.ts';
import { sendGraph } from '../http/graph-response.ts';
import { GraphError } from '../graph-error.ts';
import { mailboxSettingsOf } from './mailbox-settings.ts';
import { requireMailboxSettingsRead } from './permissions.ts';
import { userOr404 } from './users-routes.ts';

const PROPERTIES = [
  'archiveFolder', 'automaticRepliesSetting', 'dateFormat', 'delegateMeetingMessageDeliveryOptions', 'language', 'timeFormat', 'timeZone', 'userPurpose', 'workingHours',
];

function mount(router: Router, deps: GraphRouteDeps): void {
  const settingsOf = (tenantId: string, id: string, caller: ReturnType<typeof callerOf>) => {
    const target = deps.directory.find(tenantId, id);
    requireMailboxSettingsRead(caller, target?.id ?? '');
    const person = userOr404(deps, tenantId, id);
    return { person, settings: mailboxSettingsOf(person) };
  };

  router.get('/users/:id/mailboxSettings', (req, res) => {
    const caller = callerOf(req);
    const { person, settings } = settingsOf(caller.tenantId, String(req.params['id']), caller);
    sendGraph(res, 200, { '@odata.context': `${deps.baseUrl()}/v1.0/$metadata#users('${person.id}')/mailboxSettings`, ...settings });
  });

  router.get('/users/:id/mailboxSettings/:property', (req, res) => {
    const caller = callerOf(req);
    const requested = String(req.params['property']);
    const property = PROPERTIES.find((p) => p.toLowerCase() === requested.toLowerCase());
    if (!property) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${requested}'.`);
    const { person, settings } = settingsOf(caller.tenantId, String(req.params['id']), caller);
    const value = settings[property];
    const context = `${deps.baseUrl()}/v1.0/$metadata#users('${person.id}')/mailboxSettings/${property}`;
    // Complex values come back as the object itself; primitives wrapped in "value", as OData does.
    sendGraph(res, 200, value !== null && typeof value === 'object' ? { '@odata.context': context, ...value } : { '@odata.context': context, value });
  });
}

/** `GET /users/{id}/mailboxSettings` and its single properties (timeZone, workingHours, ...). */
export const mailboxSettingsRoutes: GraphRouteModule = {
  name: 'mailboxSettings',
  segments: ['mailboxSettings', ...PROPERTIES],
  mount,
};
