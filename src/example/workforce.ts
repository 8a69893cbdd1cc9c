import type { Population } from "./population.ts";
import type { Random } from "./random.ts";
import { constantLevel, meanReverting, stepWalk } from "./shapes.ts";

/** Staff in post and average caseloads, by team id, one entry per simulated month. */
export interface Workforce {
  staff: Map<string, number[]>;
  caseload: Map<string, number[]>;
}

/**
 * Simulates the teams named in the catalogue's workforce breakdowns. Staff numbers move by one
 * now and then. Caseloads follow the children each team serves divided by its staff, so a team
 * that loses a worker shows a higher caseload that month.
 */
export function simulateWorkforce(
  streams: (name: string) => Random,
  population: Population,
  teamIds: readonly string[],
): Workforce {
  const length = population.childrenInCare.length;
  const staff = new Map<string, number[]>();
  const caseload = new Map<string, number[]>();
  for (const team of teamIds) {
    const profile = TEAM_PROFILES[team] ?? DEFAULT_TEAM;
    const spread = Math.max(2, Math.round(0.15 * profile.staff));
    const inPost = stepWalk(streams(`staff ${team}`), {
      length,
      start: profile.staff,
      stepChance: 0.3,
      minimum: Math.max(1, profile.staff - spread),
      maximum: profile.staff + spread,
    });
    staff.set(team, inPost);
    caseload.set(team, profile.caseload(streams(`caseload ${team}`), population, inPost));
  }
  return { staff, caseload };
}

interface TeamProfile {
  /** Staff in post at the start of the timeline. */
  staff: number;
  caseload: (random: Random, population: Population, staff: number[]) => number[];
}

const TEAM_PROFILES: Record<string, TeamProfile> = {
  "family-safeguarding": {
    staff: 44,
    // Family Safeguarding holds children in need and on plans, which this simulation does not
    // count, so its caseload wanders around a usual level instead of following a population.
    caseload: (random, population) =>
      meanReverting(random, {
        length: population.childrenInCare.length,
        level: constantLevel(17),
        reversion: 0.2,
        volatility: 0.6,
        minimum: 12,
        maximum: 24,
      }).map(Math.round),
  },
  "children-in-care": {
    staff: 24,
    caseload: (_random, population, staff) =>
      staff.map((inPost, index) => Math.round((0.7 * population.childrenInCare[index]!) / inPost)),
  },
  "leaving-care": {
    staff: 14,
    caseload: (_random, population, staff) =>
      staff.map((inPost, index) => Math.round((0.9 * population.careLeavers[index]!) / inPost)),
  },
  "independent-reviewing-officers": {
    staff: 10,
    caseload: (_random, population, staff) =>
      staff.map((inPost, index) => Math.round(population.childrenInCare[index]! / inPost)),
  },
};

/** A team the catalogue names but this simulation has no profile for. */
const DEFAULT_TEAM: TeamProfile = {
  staff: 12,
  caseload: (random, population) =>
    meanReverting(random, {
      length: population.childrenInCare.length,
      level: constantLevel(18),
      reversion: 0.2,
      volatility: 0.6,
      minimum: 10,
      maximum: 26,
    }).map(Math.round),
};
