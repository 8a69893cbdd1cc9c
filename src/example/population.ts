import type { Random } from "./random.ts";
import { constantLevel, linearLevel, meanReverting } from "./shapes.ts";
import { TREND_MONTHS } from "./timeline.ts";

/** The simulated children behind the counts, one entry per simulated month. */
export interface Population {
  /** Children in care on the last day of the month. */
  childrenInCare: number[];
  /** Children who came into care during the month. */
  entered: number[];
  /** Children who left care during the month. */
  left: number[];
  /** Children who left care during the month through adoption. */
  adopted: number[];
  /** Children in care for 12 months or more. */
  inCareTwelveMonthsOrMore: number[];
  /** Children in care in school Years 1 to 11. */
  schoolAged: number[];
  /** Children under 16 who have been in care for over two and a half years. */
  longTermUnder16: number[];
  /** Care leavers aged 17 to 21 whom the council supports. */
  careLeavers: number[];
}

/** Children who could come into care or leave it in a month, each with a small chance. */
const MONTHLY_CANDIDATES = 420;
const EXPECTED_ENTRIES = 21;
/** Share of the gap between children in care and the level that extra leavers close each month. */
const LEAVING_PRESSURE = 0.12;
const MINIMUM_MONTHLY_FLOW = 5;

/**
 * Simulates the children in care month by month as entries less leavers, so the count drifts
 * the way a real caseload does and the monthly flows behind the year-to-date figures agree with
 * it. The level rises slowly over the timeline, as numbers in care have in England.
 */
export function simulatePopulation(streams: (name: string) => Random, length: number): Population {
  const flows = streams("flows");
  const level = linearLevel(455, 530, TREND_MONTHS);
  const childrenInCare: number[] = [];
  const entered: number[] = [];
  const left: number[] = [];
  let current = 460;
  for (let index = 0; index < length; index += 1) {
    const entries = Math.max(
      MINIMUM_MONTHLY_FLOW,
      flows.binomial(MONTHLY_CANDIDATES, EXPECTED_ENTRIES / MONTHLY_CANDIDATES),
    );
    const expectedLeavers = EXPECTED_ENTRIES + LEAVING_PRESSURE * (current - level(index));
    const leavingChance = Math.min(0.2, Math.max(0.01, expectedLeavers / MONTHLY_CANDIDATES));
    const leavers = Math.max(
      MINIMUM_MONTHLY_FLOW,
      flows.binomial(MONTHLY_CANDIDATES, leavingChance),
    );
    current = current + entries - leavers;
    entered.push(entries);
    left.push(leavers);
    childrenInCare.push(current);
  }

  const adoptionShare = meanReverting(streams("adoption share"), {
    length,
    level: constantLevel(0.19),
    reversion: 0.2,
    volatility: 0.012,
    minimum: 0.08,
    maximum: 0.32,
  });
  const adoptions = streams("adoptions");
  const adopted = left.map((leavers, index) => adoptions.binomial(leavers, adoptionShare[index]!));

  const shareOfChildrenInCare = (name: string, share: number, spread: number) =>
    meanReverting(streams(name), {
      length,
      level: constantLevel(share),
      reversion: 0.2,
      volatility: spread,
    }).map((value, index) => Math.round(value * childrenInCare[index]!));

  const careLeavers = meanReverting(streams("care leavers"), {
    length,
    level: linearLevel(270, 330, TREND_MONTHS),
    reversion: 0.25,
    volatility: 3,
  }).map(Math.round);

  return {
    childrenInCare,
    entered,
    left,
    adopted,
    inCareTwelveMonthsOrMore: shareOfChildrenInCare("in care 12 months", 0.68, 0.005),
    schoolAged: shareOfChildrenInCare("school aged", 0.6, 0.004),
    longTermUnder16: shareOfChildrenInCare("long term under 16", 0.19, 0.003),
    careLeavers,
  };
}
