/** Upward's Adaptive Cards: pure builders from view models to cards (no store, no Graph). */
export * from './card-text.ts';
export * from './card-verbs.ts';
export * from './card-parts.ts';
export * from './welcome-card.ts';
export * from './introduction-card.ts';
export * from './agenda-card.ts';
export * from './feedback-card.ts';
export * from './feedback-audience.ts';
export * from './feedback-reminder-card.ts';
export * from './check-in-card.ts';
export * from './help-card.ts';
export * from './next-session-card.ts';
export * from './pause-card.ts';
export * from './leave-card.ts';
export * from './not-understood.ts';
