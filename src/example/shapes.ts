import type { Random } from "./random.ts";

/** The level a series is drawn towards in each simulated month, by position in the timeline. */
export type Level = (index: number) => number;

export function constantLevel(value: number): Level {
  return () => value;
}

/** Moves in a straight line from `startValue` at the first month to `endValue` after `months`, then stays. */
export function linearLevel(startValue: number, endValue: number, months: number): Level {
  return (index) => startValue + ((endValue - startValue) * Math.min(index, months)) / months;
}

/**
 * Returns a temporary fall and recovery to add to a level: 0 before `start`, down to `-depth`
 * over `fallMonths`, then back to 0 over `recoveryMonths`.
 */
export function dipLevel(options: {
  start: number;
  depth: number;
  fallMonths: number;
  recoveryMonths: number;
}): Level {
  const { start, depth, fallMonths, recoveryMonths } = options;
  return (index) => {
    const since = index - start;
    if (since < 0) return 0;
    if (since < fallMonths) return (-depth * (since + 1)) / fallMonths;
    const recovered = since - fallMonths;
    if (recovered < recoveryMonths) return -depth * (1 - (recovered + 1) / recoveryMonths);
    return 0;
  };
}

/** Returns a yearly pattern that adds `byCalendarMonth[0]` in January, and so on to December. */
export function seasonalLevel(
  months: readonly string[],
  byCalendarMonth: readonly number[],
): Level {
  return (index) => byCalendarMonth[Number(months[index]!.slice(5, 7)) - 1] ?? 0;
}

export function addLevels(...levels: Level[]): Level {
  return (index) => levels.reduce((sum, level) => sum + level(index), 0);
}

export interface MeanRevertingOptions {
  length: number;
  level: Level;
  /** Share of the gap to the level closed each month, from 0 (never) to 1 (at once). */
  reversion: number;
  /** Standard deviation of the monthly shock, in the series' own unit. */
  volatility: number;
  /** First value; the level at the first month when not given. */
  start?: number;
  minimum?: number;
  maximum?: number;
}

/**
 * Draws a series that wanders at random but keeps being pulled back towards its level, as a rate
 * or a count does when the service behind it is stable (a discrete Ornstein-Uhlenbeck process).
 */
export function meanReverting(random: Random, options: MeanRevertingOptions): number[] {
  const { length, level, reversion, volatility } = options;
  const minimum = options.minimum ?? -Infinity;
  const maximum = options.maximum ?? Infinity;
  const values: number[] = [];
  let current = options.start ?? level(0);
  for (let index = 0; index < length; index += 1) {
    if (index > 0) current += reversion * (level(index) - current) + volatility * random.normal();
    current = Math.min(maximum, Math.max(minimum, current));
    values.push(current);
  }
  return values;
}

export interface StepWalkOptions {
  length: number;
  start: number;
  /** Chance in each month that the value moves one up or one down. */
  stepChance: number;
  minimum: number;
  maximum: number;
}

/** Draws a whole number that now and then moves by one, as the staff in post in a team do. */
export function stepWalk(random: Random, options: StepWalkOptions): number[] {
  const values: number[] = [];
  let current = options.start;
  for (let index = 0; index < options.length; index += 1) {
    if (index > 0 && random.chance(options.stepChance)) {
      current += random.chance(0.5) ? 1 : -1;
      current = Math.min(options.maximum, Math.max(options.minimum, current));
    }
    values.push(current);
  }
  return values;
}
