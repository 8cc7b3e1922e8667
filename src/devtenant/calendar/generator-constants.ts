import { dayFromCivil } from './civil.ts';

/** Generated series start on this monday; nothing is generated before it. */
export const ANCHOR_DAY = dayFromCivil(2024, 1, 1);
/** 15-minute slots: generated items start and end on quarter hours of local time. */
export const SLOT_MINUTES = 15;
/** A holiday week comes round every 26 weeks (summer and winter). */
export const HOLIDAY_CYCLE_WEEKS = 26;
