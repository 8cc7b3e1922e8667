import type { Brand } from './ids.ts';

/** UTC epoch milliseconds: the only unit the core computes time in. */
export type EpochMs = Brand<number, 'EpochMs'>;
/** An IANA zone id such as `Asia/Kolkata`. Windows names are mapped at the edge. */
export type IanaZone = Brand<string, 'IanaZone'>;

export const epochMs = (value: number): EpochMs => value as EpochMs;
export const ianaZone = (value: string): IanaZone => value as IanaZone;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
