/** A program and enrolment answers the HTTP tests send. */

/** A valid program, as an admin would create it. */
export const PROGRAM = {
  name: 'Reverse Mentoring 2026',
  objectives: ['Leaders get hands-on with GenAI tools', 'Juniors learn how strategy is made'],
  topicTracks: ['GenAI tools', 'Social media', 'Gen Z at work', 'Strategy', 'Leadership'],
  cadence: 'biweekly',
  sessionMinutes: 45,
  term: { start: '2026-09-01T00:00:00Z', end: '2027-03-01T00:00:00Z' },
};

/** A junior's answers (mentor). */
export const juniorForm = (extra: Record<string, unknown> = {}) => ({
  role: 'mentor',
  canTeach: ['GenAI tools', 'Social media'],
  wantsToLearn: ['Strategy', 'Leadership'],
  goals: ['build network'],
  languages: ['English'],
  ...extra,
});
/** A senior's answers (mentee). */
export const seniorForm = (extra: Record<string, unknown> = {}) => ({
  role: 'mentee',
  canTeach: ['Strategy'],
  wantsToLearn: ['GenAI tools', 'Gen Z at work'],
  goals: ['build network'],
  languages: ['English'],
  ...extra,
});
