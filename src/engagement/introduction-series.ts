/**
 * A pair's booked series as its introduction shows it, and a key that changes exactly when what
 * the card shows of the series changes (so the card is updated once per change, never twice).
 */
import { createHash } from 'node:crypto';
import type { UserId } from '../core/ids.ts';
import { ianaZone, type EpochMs, type IanaZone } from '../core/time.ts';
import { epochToLocal } from '../core/time/zones.ts';
import type { BookingRecord } from '../store/bookings.ts';
import type { IntroductionSeries, LocalMoment } from '../teams/cards/introduction-card.ts';
import { isLive, sessionsOfBooking } from './booking-sessions.ts';

/** The series key of an introduction that shows no booked time. */
export const NO_SERIES = 'none';

/** The series key of an introduction that says the pair's meetings were cancelled. */
export const CANCELLED_SERIES = 'cancelled';

/** What the card shows of a booked series, the same for everyone in the pair. */
export interface SeriesFacts {
  readonly cadence: IntroductionSeries['cadence'];
  readonly durationMinutes: number;
  readonly sessionCount: number;
  readonly firstStart: EpochMs;
  /** Where the latest series places its first session: its regular weekday and time. */
  readonly regularStart: EpochMs;
  /** The first session of the latest series when the rest was moved part-way through the term. */
  readonly movedFromStart: EpochMs | null;
  readonly joinUrl: string | null;
  /** The organiser's zone, for anyone whose own zone Upward does not know. */
  readonly fallbackZone: IanaZone;
}

/** The series facts of a live booking with sessions on the calendar; `null` otherwise. */
export function seriesFactsOf(booking: BookingRecord | undefined): SeriesFacts | null {
  if (booking === undefined || !isLive(booking)) return null;
  const sessions = sessionsOfBooking(booking).filter((s) => !s.cancelled);
  const first = sessions[0];
  if (first === undefined) return null;
  const live = booking.occurrences.filter((o) => o.status !== 'unplaced' && o.status !== 'cancelled');
  const latest = Math.max(...live.map((o) => o.segment));
  const inLatest = booking.occurrences.filter((o) => o.segment === latest);
  const regularStart = Math.min(...inLatest.map((o) => o.originalStart)) as EpochMs;
  const earlier = live.some((o) => o.segment < latest);
  const movedFromStart = earlier ? (Math.min(...live.filter((o) => o.segment === latest).map((o) => o.start)) as EpochMs) : null;
  return {
    cadence: booking.settings.cadence,
    durationMinutes: booking.settings.durationMinutes,
    sessionCount: sessions.length,
    firstStart: first.start,
    regularStart,
    movedFromStart,
    joinUrl: booking.series.find((s) => s.segment === latest)?.joinUrl ?? booking.joinUrl,
    fallbackZone: ianaZone(booking.plan?.zone ?? 'UTC'),
  };
}

/** A short key of what the card shows of the series: equal keys, equal cards. */
export function seriesKeyOf(facts: SeriesFacts | null): string {
  if (facts === null) return NO_SERIES;
  const shown = [facts.cadence, facts.durationMinutes, facts.sessionCount, facts.firstStart, facts.regularStart, facts.movedFromStart, facts.joinUrl];
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 22);
}

/**
 * The key of what an introduction shows of the pair's booking: its booked series, that the
 * meetings were cancelled, or no time yet. Recorded per person when their card is sent or updated.
 */
export function shownSeriesKey(booking: BookingRecord | undefined): string {
  return booking?.state === 'cancelled' ? CANCELLED_SERIES : seriesKeyOf(seriesFactsOf(booking));
}

/** The series as `reader` sees it: their own clock, with each partner's (in order) beside it. */
export function seriesFor(
  facts: SeriesFacts | null,
  zoneOf: (userId: UserId) => IanaZone | undefined,
  reader: UserId,
  partners: readonly UserId[],
): IntroductionSeries | null {
  if (facts === null) return null;
  const on = (at: EpochMs, userId: UserId): LocalMoment => {
    const zone = zoneOf(userId) ?? facts.fallbackZone;
    return { ...epochToLocal(at, zone), zone };
  };
  return {
    cadence: facts.cadence,
    durationMinutes: facts.durationMinutes,
    sessionCount: facts.sessionCount,
    first: on(facts.firstStart, reader),
    regular: on(facts.regularStart, reader),
    partnersRegular: partners.map((partner) => on(facts.regularStart, partner)),
    movedFrom: facts.movedFromStart === null ? null : on(facts.movedFromStart, reader),
    joinUrl: facts.joinUrl,
  };
}
