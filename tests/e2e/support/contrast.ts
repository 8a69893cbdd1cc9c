/** Colour contrast as WCAG 2.2 defines it (relative luminance of sRGB colours). */

export interface Rgb {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

/** Parses a computed colour as browsers write it: "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)". */
export function parseCssColor(text: string): Rgb {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(
    text.trim(),
  );
  if (!match)
    throw new Error(`unsupported colour ${JSON.stringify(text)}: expected rgb() or rgba()`);
  return {
    red: Number(match[1]),
    green: Number(match[2]),
    blue: Number(match[3]),
    alpha: match[4] === undefined ? 1 : Number(match[4]),
  };
}

function relativeLuminance({ red, green, blue }: Rgb): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** The contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(first: Rgb, second: Rgb): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  );
  return (lighter! + 0.05) / (darker! + 0.05);
}
