/** When the agenda of a session reaches a person: the working day before, inside their hours. */
import type { EpochMs, IanaZone } from '../time.ts';
import { addDays, isoWeekday } from '../time/local-date.ts';
import { resolveWorkingHours } from '../time/working-hours.ts';
import { epochToLocal, localToEpoch } from '../time/zones.ts';

/** A person's working week without its zone (the zone is passed on its own). */
export interface WorkingWeek {
  readonly daysOfWeek: readonly string[];
  /** `HH:mm`. */
  readonly start: string;
  /** `HH:mm`. */
  readonly end: string;
}

/**
 * Latest minute of a working day an agenda is sent at: a message that lands as someone closes
 * the laptop is read the next morning, after the session.
 */
export const AGENDA_END_MARGIN_MINUTES = 30;

/**
 * The instant the agenda of a session starting at `sessionStart` goes to a person who works
 * `hours` in `zone`: the same clock time a day earlier on the person's own calendar, moved to
 * their last working day if that day is not one (a Monday session's agenda comes on Friday), and
 * then into their working hours — to the start if it was earlier, to
 * `AGENDA_END_MARGIN_MINUTES` before the end if it was later. Computed on the local calendar, so
 * it stays at the same clock time across a daylight-saving change (23 or 25 hours before).
 * It can lie in the past for a session booked at short notice; the caller sends at once then.
 * @throws UpwardError `bad_input` for working hours or a zone that do not parse.
 */
export function agendaSendTime(sessionStart: EpochMs, hours: WorkingWeek, zone: IanaZone): EpochMs {
  const daily = resolveWorkingHours({ ...hours, zone }, 'workingHours');
  const local = epochToLocal(sessionStart, zone);
  let day = addDays(local.date, -1);
  // resolveWorkingHours guarantees at least one working day, so a week back always finds one.
  for (let i = 0; i < 7 && !daily.days[isoWeekday(day)]; i++) day = addDays(day, -1);
  const latest = Math.max(daily.startMinute, daily.endMinute - AGENDA_END_MARGIN_MINUTES);
  const minute = Math.min(Math.max(local.minuteOfDay, daily.startMinute), latest);
  return localToEpoch(day, minute, zone);
}
