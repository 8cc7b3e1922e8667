/**
 * The introduction card of each person of a published pair: the partner's public profile, the
 * matcher's reasons, the booked series on the person's own clock (or "still looking for a time")
 * and what to prepare. The sent card, its update once booked and its refresh all come from here.
 */
import type { Kysely } from 'kysely';
import type { TenantId, UserId } from '../core/ids.ts';
import type { Enrolment } from '../core/programs/enrolment.ts';
import { pairId } from '../core/sessions/session.ts';
import { bookingRepository, type BookingRecord } from '../store/bookings.ts';
import { conversationReferenceRepository } from '../store/conversation-references.ts';
import { enrolmentRepository } from '../store/enrolments.ts';
import { pairingRepository, pairingId as toPairingId, type PairingRecord } from '../store/pairings.ts';
import { programRepository } from '../store/programs.ts';
import type { Database } from '../store/schema.ts';
import type { IntroductionPort } from '../teams/loop/ports.ts';
import type { IntroductionCardView, IntroductionPartner, PairRole } from '../teams/cards/introduction-card.ts';
import { teamsUserIdOf } from '../teams/loop/card-people.ts';
import { seriesFactsOf, seriesFor } from './introduction-series.ts';

export interface IntroductionInput {
  readonly pairing: PairingRecord;
  readonly programName: string;
  /** Enrolments of the pair's people, by user id (a missing one shows only the name we have). */
  readonly enrolments: ReadonlyMap<UserId, Enrolment>;
  readonly booking: BookingRecord | undefined;
  readonly tabUrl: string;
  /** Teams user ids (`29:…`) from stored conversations, for the card's refresh; others get `8:orgid:`. */
  readonly teamsUserIds?: ReadonlyMap<UserId, string>;
}

/** The pair's people with their role: mentor(s) first. */
export function pairPeople(pairing: PairingRecord): { userId: UserId; role: PairRole }[] {
  return [
    { userId: pairing.mentorId, role: 'mentor' as const },
    ...(pairing.coMentorId === null ? [] : [{ userId: pairing.coMentorId, role: 'mentor' as const }]),
    { userId: pairing.menteeId, role: 'mentee' as const },
  ];
}

/** One view per person of the pair, in `pairPeople` order. */
export function introductionViews(input: IntroductionInput): { userId: UserId; view: IntroductionCardView }[] {
  const people = pairPeople(input.pairing).map(({ userId, role }) =>
    partnerOf(userId, role, input.enrolments.get(userId), input.teamsUserIds?.get(userId)),
  );
  const facts = seriesFactsOf(input.booking);
  const zoneOf = (userId: UserId) => input.enrolments.get(userId)?.profile.timeZone;
  return people.map((reader) => {
    const partners = people.filter((p) => p.userId !== reader.userId);
    const series = seriesFor(facts, zoneOf, reader.userId, partners.map((p) => p.userId));
    return {
      userId: reader.userId,
      view: {
        pairId: pairId(input.pairing.id),
        programName: input.programName,
        reader: { userId: reader.userId, name: reader.name, teamsUserId: reader.teamsUserId, role: reader.role },
        partners,
        reasons: input.pairing.reasons,
        series,
        seriesCancelled: input.booking?.state === 'cancelled',
        prepare: prepareFor(reader, partners),
        tabUrl: input.tabUrl,
      },
    };
  });
}

function partnerOf(userId: UserId, role: PairRole, enrolment: Enrolment | undefined, teamsUserId: string | undefined): IntroductionPartner {
  return {
    userId,
    role,
    teamsUserId: teamsUserId ?? teamsUserIdOf(userId),
    name: enrolment?.profile.displayName ?? 'your partner',
    jobTitle: enrolment?.profile.jobTitle ?? null,
    department: enrolment?.profile.department ?? null,
    canTeach: enrolment?.canTeach ?? [],
    wantsToLearn: enrolment?.wantsToLearn ?? [],
  };
}

/** Two concrete things to bring, from what the other side wants to learn. */
function prepareFor(reader: IntroductionPartner, partners: readonly IntroductionPartner[]): string[] {
  const theirWishes = [...new Set(partners.flatMap((p) => p.wantsToLearn))].slice(0, 3);
  const wishes = theirWishes.length > 0 ? ` (${theirWishes.join(', ')})` : '';
  return reader.role === 'mentor'
    ? [
        `Pick one thing your partner wants to learn${wishes} and plan a 10-minute hands-on example.`,
        'Write down one question about leadership or strategy you would like to ask.',
      ]
    : [
        `Bring one real task from your week where your partner's skills could help${wishes}.`,
        'Think of one piece of experience — a decision, a mistake, a career turn — to share back.',
      ];
}

/**
 * What the introduction of `pairing` shows, read from the store: the program's name, both
 * enrolments, the pair's booking for the pairing's cycle and the Teams ids Upward has seen.
 */
export async function loadIntroductionInput(db: Kysely<Database>, tenantId: TenantId, pairing: PairingRecord, tabUrl: string): Promise<IntroductionInput> {
  const program = await programRepository(db).get(tenantId, pairing.programId);
  const enrolments = new Map<UserId, Enrolment>();
  for (const { userId: member } of pairPeople(pairing)) {
    const enrolment = await enrolmentRepository(db).get(tenantId, pairing.programId, member);
    if (enrolment !== undefined) enrolments.set(member, enrolment);
  }
  const booking = await bookingRepository(db).getByPair(tenantId, pairing.programId, pairing.id, pairing.cycle);
  const teamsUserIds = await conversationReferenceRepository(db).teamsUserIds(tenantId, pairPeople(pairing).map((p) => p.userId));
  return { pairing, programName: program?.name ?? 'the program', enrolments, booking, tabUrl, teamsUserIds };
}

/** The introduction port of the bot's loop over the store: the card's refresh shows what is booked now. */
export function introductionPort(db: Kysely<Database>, tabUrl: string): IntroductionPort {
  return {
    async viewFor(tenantId: TenantId, id: string, userId: UserId) {
      const pairing = await pairingRepository(db).get(tenantId, toPairingId(id));
      if (pairing === undefined || !pairPeople(pairing).some((p) => p.userId === userId)) return undefined;
      const views = introductionViews(await loadIntroductionInput(db, tenantId, pairing, tabUrl));
      return views.find((v) => v.userId === userId)?.view;
    },
  };
}
