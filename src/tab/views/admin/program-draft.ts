import type { Cadence, Organiser, ProgramInput, ProgramView, SessionMinutes } from '../../api/program-types.ts';
import { dateInputValue, startOfDayIso } from '../common/format-date.ts';
import { splitTags } from '../common/tags.ts';

/** The program form's values as the person types them (text until sent). */
export interface ProgramDraft {
  readonly name: string;
  readonly objectives: string;
  readonly topicTracks: string;
  readonly cadence: Cadence;
  readonly sessionMinutes: SessionMinutes;
  readonly termStart: string;
  readonly termEnd: string;
  readonly organiser: Organiser;
  readonly capacityPerPerson: string;
  readonly minSeniorityGap: string;
  readonly allowTrios: boolean;
}

/** The form's field names, as the API names them in `fields`. */
export const PROGRAM_FIELDS = ['name', 'objectives', 'topicTracks', 'cadence', 'sessionMinutes', 'term.start', 'term.end', 'term', 'organiser', 'capacityPerPerson', 'rules.minSeniorityGap', 'rules.allowTrios'] as const;

/** A new program's starting values: a term from next Monday for six months. */
export function emptyDraft(today: Date): ProgramDraft {
  const start = new Date(today);
  start.setDate(start.getDate() + ((8 - start.getDay()) % 7 || 7));
  const end = new Date(start);
  end.setMonth(end.getMonth() + 6);
  return {
    name: '',
    objectives: '',
    topicTracks: 'GenAI tools, Social media, Gen Z at work',
    cadence: 'biweekly',
    sessionMinutes: 45,
    termStart: dateInputValue(start.toISOString()),
    termEnd: dateInputValue(end.toISOString()),
    organiser: 'mentee',
    capacityPerPerson: '1',
    minSeniorityGap: '2',
    allowTrios: false,
  };
}

/** The form's values for an existing program. */
export function draftOf(program: ProgramView): ProgramDraft {
  return {
    name: program.name,
    objectives: program.objectives.join('\n'),
    topicTracks: program.topicTracks.join(', '),
    cadence: program.cadence,
    sessionMinutes: program.sessionMinutes,
    termStart: dateInputValue(program.term.start),
    termEnd: dateInputValue(program.term.end),
    organiser: program.organiser,
    capacityPerPerson: String(program.capacityPerPerson),
    minSeniorityGap: String(program.rules.minSeniorityGap),
    allowTrios: program.rules.allowTrios,
  };
}

// A field left empty is sent as a wrong type on purpose: the server's message for it is the one to show.
const numberOrText = (text: string): number | string => (text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text));
const dayOrText = (day: string): string => (day === '' ? '' : startOfDayIso(day));

/** What the API gets. The server validates everything; the form only shapes the values. */
export function inputOf(draft: ProgramDraft): ProgramInput {
  return {
    name: draft.name,
    objectives: draft.objectives
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    topicTracks: splitTags(draft.topicTracks),
    cadence: draft.cadence,
    sessionMinutes: draft.sessionMinutes,
    term: { start: dayOrText(draft.termStart), end: dayOrText(draft.termEnd) },
    organiser: draft.organiser,
    capacityPerPerson: numberOrText(draft.capacityPerPerson) as number,
    rules: { minSeniorityGap: numberOrText(draft.minSeniorityGap) as number, allowTrios: draft.allowTrios },
  };
}
