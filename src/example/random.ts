/**
 * A seeded pseudo-random number generator, so the same seed always gives the same example data.
 * It uses only 32-bit integer operations and plain arithmetic (no Math.random, no Math.exp or
 * Math.log), so the numbers are identical on every machine and Node version.
 */

export interface Random {
  /** A number from 0 (included) to 1 (excluded), evenly spread. */
  uniform(): number;
  /** A whole number from `minimum` to `maximum`, both included. */
  integer(minimum: number, maximum: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /**
   * An approximately normal number with mean 0 and standard deviation 1: the sum of twelve
   * uniform numbers less 6 (the Irwin-Hall distribution), which never goes beyond ±6.
   */
  normal(): number;
  /** The number of successes in `trials` independent tries that each succeed with `probability`. */
  binomial(trials: number, probability: number): number;
}

/** Returns a generator for a named stream of a seed. Streams with different names give unrelated numbers. */
export function createRandom(seed: string, stream = ""): Random {
  return new Xoshiro128StarStar(hashText(`${seed}\u0000${stream}`));
}

/** FNV-1a, 32 bits: turns any seed text into a starting number. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** xoshiro128** by Blackman and Vigna, with its four words of state filled by SplitMix32. */
class Xoshiro128StarStar implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let mix = seed >>> 0;
    const words: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      mix = (mix + 0x9e3779b9) >>> 0;
      let word = mix;
      word = Math.imul(word ^ (word >>> 16), 0x85ebca6b);
      word = Math.imul(word ^ (word >>> 13), 0xc2b2ae35);
      words.push((word ^ (word >>> 16)) >>> 0);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
  }

  private nextWord(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.b, 5), 7), 9) >>> 0;
    const shifted = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= shifted;
    this.d = rotateLeft(this.d, 11);
    return result;
  }

  uniform(): number {
    return this.nextWord() / 4294967296;
  }

  integer(minimum: number, maximum: number): number {
    return minimum + Math.floor(this.uniform() * (maximum - minimum + 1));
  }

  chance(probability: number): boolean {
    return this.uniform() < probability;
  }

  normal(): number {
    let sum = 0;
    for (let index = 0; index < 12; index += 1) sum += this.uniform();
    return sum - 6;
  }

  binomial(trials: number, probability: number): number {
    let successes = 0;
    for (let index = 0; index < trials; index += 1) {
      if (this.uniform() < probability) successes += 1;
    }
    return successes;
  }
}
