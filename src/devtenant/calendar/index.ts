/**
 * The development tenant's Outlook calendars: generated, deterministic calendars for every person
 * of the directory, plus events created through the Graph-shaped API, served by
 * `mountCalendarRoutes`. Self-contained: it shares no code with Upward's core.
 */
export type { CalendarAuth, CalendarDirectory, CalendarEntry, CalendarPerson, FreeBusyStatus } from './types.ts';
export { createCalendarService, type CalendarService, type CalendarServiceOptions } from './service.ts';
export { mountCalendarRoutes, type CalendarRouteDeps } from './routes.ts';
export { CALENDAR_SEGMENTS, handleCalendarRequest, matchCalendarRoute, type CalendarHttpRequest, type CalendarHttpResponse } from './api.ts';
export type { CalendarState } from './state.ts';
export type { ListQuery, Page } from './calendar-view.ts';
export type { ResponseOptions } from './context.ts';
