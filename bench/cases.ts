import { devTenantCalendarCase } from './devtenant-calendar.ts';
import type { BenchCase } from './harness.ts';
import { matchingBench } from './matching.ts';
import { schedulingBench } from './scheduling.ts';
import { tabsBench } from './tabs.ts';
import { teamsBench } from './teams.ts';

/** Every benchmark case, in the order `npm run bench` runs them. */
export const cases: BenchCase[] = [devTenantCalendarCase, matchingBench, schedulingBench, tabsBench, teamsBench];
