/**
 * Creating and editing a program. Both validate the whole settings object, so a rule that spans
 * fields (the term's end after its start) is checked whatever the edit touched.
 */
import { UpwardError } from '../errors.ts';
import type { TenantId } from '../ids.ts';
import type { EpochMs } from '../time.ts';
import type { Program, ProgramId } from './program.ts';
import { programInputSchema, programPatchSchema, type ProgramInput } from './program-schema.ts';
import { alignPlansToTracks } from './track-plans.ts';
import { parseOrThrow } from './validation.ts';

/** Identity a new program gets from its caller (ids are minted at the edge, not in the core). */
export interface NewProgramIdentity {
  readonly id: ProgramId;
  readonly tenantId: TenantId;
}

/** A new program in `draft`, first rotation cycle. Throws `bad_input` naming each bad field. */
export function createProgram(input: unknown, identity: NewProgramIdentity, now: EpochMs): Program {
  const settings = parseOrThrow(programInputSchema, input, 'program');
  return {
    id: identity.id,
    tenantId: identity.tenantId,
    ...settingsOf(settings),
    rotationCycle: 1,
    state: 'draft',
    createdAt: now,
    updatedAt: now,
    stateChangedAt: now,
  };
}

/**
 * Applies a partial edit. `term` and `rules` merge field by field; lists (`topicTracks`,
 * `trackPlans`, …) are replaced whole. A closed program is a record
 * of what happened and cannot be edited (`conflict`).
 */
export function editProgram(program: Program, patch: unknown, now: EpochMs): Program {
  if (program.state === 'closed') {
    throw new UpwardError('conflict', `Program "${program.name}" is closed and can no longer be edited`);
  }
  const changes = parseOrThrow(programPatchSchema, patch, 'program edit');
  const merged = {
    name: pick(changes.name, program.name),
    objectives: pick(changes.objectives, program.objectives),
    topicTracks: pick(changes.topicTracks, program.topicTracks),
    trackPlans: pick(changes.trackPlans, program.trackPlans ?? []),
    cadence: pick(changes.cadence, program.cadence),
    sessionMinutes: pick(changes.sessionMinutes, program.sessionMinutes),
    term: {
      start: pick(changes.term?.start, program.term.start),
      end: pick(changes.term?.end, program.term.end),
    },
    organiser: pick(changes.organiser, program.organiser),
    capacityPerPerson: pick(changes.capacityPerPerson, program.capacityPerPerson),
    rules: {
      minSeniorityGap: pick(changes.rules?.minSeniorityGap, program.rules.minSeniorityGap),
      allowTrios: pick(changes.rules?.allowTrios, program.rules.allowTrios),
    },
  };
  const settings = parseOrThrow(programInputSchema, merged, 'program');
  return { ...program, ...settingsOf(settings), updatedAt: now };
}

const pick = (changed: unknown, current: unknown): unknown => (changed === undefined ? current : changed);

function settingsOf(settings: ProgramInput) {
  return {
    name: settings.name,
    objectives: settings.objectives,
    topicTracks: settings.topicTracks,
    trackPlans: alignPlansToTracks(settings.trackPlans, settings.topicTracks),
    cadence: settings.cadence,
    sessionMinutes: settings.sessionMinutes,
    term: settings.term,
    organiser: settings.organiser,
    capacityPerPerson: settings.capacityPerPerson,
    rules: settings.rules,
  } satisfies Partial<Program>;
}
