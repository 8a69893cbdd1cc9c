import { roundTo } from "../rules/rounding.ts";

/** A count of children who met a standard out of the children it applied to. */
export interface Fraction {
  numerator: number;
  /** Always 1 or more, as the month schema requires. */
  denominator: number;
}

/** A percentage as a month file writes it: rounded to the indicator's decimals, with its parts. */
export interface PercentFigure {
  value: number;
  numerator: number;
  denominator: number;
}

export function percentFigure(fraction: Fraction, decimals: number): PercentFigure {
  return {
    value: roundTo((100 * fraction.numerator) / fraction.denominator, decimals),
    numerator: fraction.numerator,
    denominator: fraction.denominator,
  };
}

export function addFractions(fractions: readonly Fraction[]): Fraction {
  return {
    numerator: fractions.reduce((sum, fraction) => sum + fraction.numerator, 0),
    denominator: fractions.reduce((sum, fraction) => sum + fraction.denominator, 0),
  };
}

/** Builds a fraction whose share is `rate`, with the numerator rounded to a whole child. */
export function fractionAtRate(denominator: number, rate: number): Fraction {
  const whole = Math.max(1, denominator);
  const numerator = Math.min(whole, Math.max(0, Math.round(rate * whole)));
  return { numerator, denominator: whole };
}
