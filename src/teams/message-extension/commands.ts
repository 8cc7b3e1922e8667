/** The command ids the manifest declares for the message extension (`appPackage/manifest.json`). */
export const ME_COMMANDS = {
  /** Search: people enrolled in my programs by what they can teach (parameter `query`). */
  findMentors: 'findMentors',
  /** Search: my next session, inserted as its agenda card. */
  nextSession: 'nextSession',
  /** Action on a message: add its text and link to the pair's backlog. */
  addToAgenda: 'addToAgenda',
  /** Action: record an unscheduled session and its feedback. */
  logSession: 'logSession',
} as const;

/** Name of the search parameter of `findMentors`. */
export const QUERY_PARAMETER = 'query';
/** Most results one search returns (Teams shows 25 at most anyway). */
export const MAX_RESULTS = 25;
