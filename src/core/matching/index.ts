/** Matching, review, re-pairing and rotation: the public surface of `src/core/matching`. */
export * from './context.ts';
export * from './proposal.ts';
export * from './history.ts';
export * from './hard-constraints.ts';
export * from './pair-rules.ts';
export * from './soft-score.ts';
export * from './explain.ts';
export * from './assign.ts';
export * from './review.ts';
export * from './repair.ts';
export * from './rotation.ts';
export * from './trios.ts';
export { longestSharedMinutes, longestSharedStretch, workingTimeline, intersectTimelines, type WorkingTimeline } from './working-hours.ts';
export { buildScoreMatrix, CELL_RULES, FORBIDDEN, type ScoreMatrix, type ScoreMatrixInput } from './score-matrix.ts';
