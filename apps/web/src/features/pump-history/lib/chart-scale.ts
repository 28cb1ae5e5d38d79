/** A linear map from a value domain to pixels; a zero-width domain maps everything to the range's start. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) {
  const span = d1 - d0;
  return (value: number): number => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) that splits 0…max into about `count` parts. */
export function niceStep(max: number, count: number): number {
  if (max <= 0 || count <= 0) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return (NICE_STEPS.find((s) => s * power >= raw) ?? 10) * power;
}

/** Ticks from 0 up to the first round value at or above `max`: the axis ends on a labelled line. */
export function niceTicks(max: number, count = 4): number[] {
  const step = niceStep(max, count);
  const ticks: number[] = [];
  for (let i = 0; i * step < max - 1e-9 || i === 0; i++) ticks.push(round(i * step));
  ticks.push(round(ticks.length * step));
  return ticks;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** An SVG path through points, one decimal per coordinate. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}
