import { describe, expect, it } from 'vitest';
import { ALL_KINDS, kindParam, nextKindGroups } from './timeline-kinds';

describe('kindParam', () => {
  it('leaves the parameter out when no chip or every chip is chosen', () => {
    expect(kindParam([])).toBe('');
    expect(kindParam(['fills', 'doses', 'events', 'appointments', 'flags'])).toBe('');
  });

  it("sends a flag's three moments for the Flags chip, in the contract's order", () => {
    expect(kindParam(['flags', 'fills'])).toBe('fill,flag_raised,flag_acknowledged,flag_resolved');
  });

  it('sends one kind for a one-kind chip', () => {
    expect(kindParam(['doses'])).toBe('dose_adjustment');
  });
});

describe('nextKindGroups', () => {
  it('narrows from all to the kind chosen', () => {
    expect(nextKindGroups([], [ALL_KINDS, 'fills'])).toEqual(['fills']);
  });

  it('adds and removes kinds', () => {
    expect(nextKindGroups(['fills'], ['fills', 'flags'])).toEqual(['fills', 'flags']);
    expect(nextKindGroups(['fills', 'flags'], ['flags'])).toEqual(['flags']);
  });

  it('goes back to all when "All" is chosen or the last kind is cleared', () => {
    expect(nextKindGroups(['fills', 'flags'], ['fills', 'flags', ALL_KINDS])).toEqual([]);
    expect(nextKindGroups(['fills'], [])).toEqual([]);
  });
});
