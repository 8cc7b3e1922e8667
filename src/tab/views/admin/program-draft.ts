import type { Cadence, Organiser, ProgramInput, ProgramView, SessionMinutes, TrackPlan } from '../../../contracts/programs.ts';
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
  /**
   * Session plans as typed, by `planKey` of their track. Kept for tracks the person removes
   * from the list, so that putting a track back brings its plan back; only listed tracks are sent.
   */
  readonly plans: Readonly<Record<string, PlanDraft>>;
}

/** One track's plan as typed: one session topic per line, one reflection question per line. */
export interface PlanDraft {
  readonly topics: string;
  readonly questions: string;
}

/** Which plan belongs to a track as the person types it: case, spacing and hyphens do not matter. */
export const planKey = (track: string): string => track.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

const EMPTY_PLAN: PlanDraft = { topics: '', questions: '' };

/** The plan typed for `track` (empty when none). */
export const planFor = (draft: ProgramDraft, track: string): PlanDraft => draft.plans[planKey(track)] ?? EMPTY_PLAN;

/** Tracks as listed in the form, each once (by `planKey`), in order: one plan field each. */
export function listedTracks(draft: ProgramDraft): string[] {
  const byKey = new Map<string, string>();
  for (const track of splitTags(draft.topicTracks)) if (!byKey.has(planKey(track))) byKey.set(planKey(track), track);
  return [...byKey.values()];
}

/**
 * The tracks whose plans `inputOf` sends, in the order it sends them: the API names a plan's
 * errors by that position (`trackPlans.1.sessionTopics.0`).
 */
export function plannedTracks(draft: ProgramDraft): string[] {
  return listedTracks(draft).filter((track) => {
    const plan = planFor(draft, track);
    return plan.topics.trim() !== '' || plan.questions.trim() !== '';
  });
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A starting plan for the default tracks of a new program, which the admin edits or clears. */
const SUGGESTED_PLANS: Readonly<Record<string, PlanDraft>> = {
  [planKey('GenAI tools')]: {
    topics: ['Where AI already helps in your week', 'Prompting basics, hands on', 'Meeting notes and summaries with AI', 'What not to paste into a chatbot', 'Building a small assistant together', 'What changed in how you work'].join('\n'),
    questions: '',
  },
  [planKey('Social media')]: {
    topics: ['How your teams and customers use social media', 'Your profile, read by a 25-year-old', 'Posting about work: what lands and what does not', 'Listening: following the right people', 'Your first post, drafted together', 'What changed in how you show up online'].join('\n'),
    questions: '',
  },
  [planKey('Gen Z at work')]: {
    topics: ['What Gen Z expects from a first job', 'Feedback: how often and how direct', 'Flexible work and presence', 'Career paths that are not ladders', 'Inclusion as colleagues live it', 'One change for your own team'].join('\n'),
    questions: '',
  },
};

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
    plans: SUGGESTED_PLANS,
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
    plans: Object.fromEntries(
      (program.trackPlans ?? []).map((plan: TrackPlan) => [planKey(plan.track), { topics: plan.sessionTopics.join('\n'), questions: plan.reflectionQuestions.join('\n') }]),
    ),
  };
}

// A field left empty is sent as a wrong type on purpose: the server's message for it is the one to show.
const numberOrText = (text: string): number | string => (text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text));
const dayOrText = (day: string): string => (day === '' ? '' : startOfDayIso(day));

/** What the API gets. The server validates everything; the form only shapes the values. */
export function inputOf(draft: ProgramDraft): ProgramInput {
  return {
    name: draft.name,
    objectives: lines(draft.objectives),
    topicTracks: splitTags(draft.topicTracks),
    trackPlans: plannedTracks(draft).map((track) => {
      const plan = planFor(draft, track);
      return { track, sessionTopics: lines(plan.topics), reflectionQuestions: lines(plan.questions) };
    }),
    cadence: draft.cadence,
    sessionMinutes: draft.sessionMinutes,
    term: { start: dayOrText(draft.termStart), end: dayOrText(draft.termEnd) },
    organiser: draft.organiser,
    capacityPerPerson: numberOrText(draft.capacityPerPerson) as number,
    rules: { minSeniorityGap: numberOrText(draft.minSeniorityGap) as number, allowTrios: draft.allowTrios },
  };
}
