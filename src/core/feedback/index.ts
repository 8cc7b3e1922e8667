/** Feedback after sessions: the public surface of `src/core/feedback`. */
export * from './feedback.ts';
export * from './audience.ts';
export * from './schema.ts';
export * from './visibility.ts';
export * from './aggregate.ts';
export * from './edit-window.ts';
export * from './record.ts';
export * from './reminders.ts';
export * from './missed-streaks.ts';
