/**
 * The theme of a session, for ratings by theme: taken from structured program data only (the
 * pair's topic track and the session plan's topic for that session), never from anything a
 * person wrote, so grouping by theme cannot carry free text to the program team.
 */
import { sessionTopic, type Track } from '../sessions/agenda.ts';

/** The theme of sessions of a pair that follows none of the program's topic tracks. */
export const NO_TRACK_THEME = 'No topic track';

/**
 * The theme of session `sessionIndex` (1-based, as its agenda numbered it) of a pair following
 * `track`: "Track: topic" when the track's plan gives that session a topic, else the track's name.
 * `null` for a session outside the booked series (one a pair logged themselves): it has no place
 * in the plan, so it belongs to the track as a whole.
 */
export function sessionTheme(track: Track | null, sessionIndex: number | null): string {
  if (track === null) return NO_TRACK_THEME;
  if (sessionIndex === null || !Number.isInteger(sessionIndex) || sessionIndex < 1) return track.name;
  // The same topic the pair's agenda card showed for this session.
  const topic = sessionTopic(track, sessionIndex);
  return topic === null || topic === track.name ? track.name : `${track.name}: ${topic}`;
}
