/**
 * What a booked session's cards need beyond the booking itself: the track the pair follows (its
 * session plan gives each agenda its topic) and each person's Teams user id from their stored
 * conversation (the MRI `refresh.userIds` matches viewers against).
 */
import type { Kysely } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import { programId as toProgramId } from '../core/programs/program.ts';
import type { Track } from '../core/sessions/agenda.ts';
import { pairTrack } from '../core/sessions/pair-track.ts';
import type { BookingRecord } from '../store/bookings.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import { enrolmentRepository } from '../store/enrolments.ts';
import { programRepository } from '../store/programs.ts';
import type { Database } from '../store/schema.ts';
import type { LoopPerson, LoopSession } from '../teams/loop/ports.ts';

/** The track the booking's pair follows in its program (see `pairTrack`); `null` when none fits. */
export async function pairTrackOfBooking(db: Kysely<Database>, booking: BookingRecord): Promise<Track | null> {
  const program = await programRepository(db).get(booking.tenantId, toProgramId(booking.programId));
  if (program === undefined) return null;
  const people = [booking.organiser, booking.attendee];
  const enrolmentOf = async (role: 'mentor' | 'mentee') => {
    const person = people.find((p) => p.role === role);
    return person === undefined ? undefined : enrolmentRepository(db).get(booking.tenantId, program.id, person.userId);
  };
  const [mentor, mentee] = await Promise.all([enrolmentOf('mentor'), enrolmentOf('mentee')]);
  return pairTrack(program, mentor, mentee);
}

/** `people` with the Teams user id of each one whose conversation Upward has stored with one. */
export async function withTeamsUserIds(db: Kysely<Database>, tenantId: TenantId, people: readonly LoopPerson[]): Promise<LoopPerson[]> {
  const ids = await conversationReferenceRepository(db).teamsUserIds(tenantId, people.map((p) => p.userId as UserId));
  return people.map((p) => {
    const teamsUserId = ids.get(p.userId);
    return teamsUserId === undefined ? p : { ...p, teamsUserId };
  });
}

/**
 * The session with its people's Teams ids filled in and, with `track` (agenda cards only: it
 * costs three more reads on paths such as a feedback submission that do not show it), its pair's track.
 */
export async function withCardContext(db: Kysely<Database>, booking: BookingRecord, found: LoopSession, options: { track: boolean }): Promise<LoopSession> {
  const [track, people] = await Promise.all([
    options.track ? pairTrackOfBooking(db, booking) : undefined,
    withTeamsUserIds(db, booking.tenantId, found.people),
  ]);
  return { ...found, people, ...(track === undefined ? {} : { track }) };
}
