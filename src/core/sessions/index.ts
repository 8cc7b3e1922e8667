/** Sessions, agendas and chat commands: the public surface of `src/core/sessions`. */
export * from './session.ts';
export * from './outcome.ts';
export * from './progress.ts';
export * from './agenda.ts';
export * from './action-items.ts';
export * from './reflection-questions.ts';
export * from './agenda-send-time.ts';
export * from './commands.ts';
export * from './command-date.ts';
export * from './pair-track.ts';
export * from './person-agenda-time.ts';
