/** Programs and enrolments: the public surface of `src/core/programs`. */
export * from './program.ts';
export * from './program-schema.ts';
export * from './program-settings.ts';
export * from './transitions.ts';
export * from './enrolment.ts';
export * from './enrolment-schema.ts';
export * from './enrolment-status.ts';
export * from './topics.ts';
export * from './track-plans.ts';
export * from './working-week.ts';
export { fieldErrorsOf, parseOrThrow } from './validation.ts';
export { timestampSchema } from './timestamp-schema.ts';
