import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { ListEmptyState } from './list-empty-state';

const EMPTY = {
  icon: <svg data-testid="empty-icon" />,
  title: 'No open flags',
  description: 'Nothing needs attention.',
};
const FILTERED = {
  icon: <svg data-testid="filtered-icon" />,
  title: 'No flags match these filters',
  description: 'Try another status, severity or rule.',
};

describe('ListEmptyState', () => {
  it('says nothing is recorded, with no button, when no filters are set', () => {
    renderWithProviders(<ListEmptyState isFiltered={false} empty={EMPTY} filtered={FILTERED} onReset={vi.fn()} />);
    expect(screen.getByText('No open flags')).toBeTruthy();
    expect(screen.getByText('Nothing needs attention.')).toBeTruthy();
    expect(screen.getByTestId('empty-icon')).toBeTruthy();
    expect(screen.queryByText('No flags match these filters')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('says the filters match nothing and clears them on "Clear filters"', () => {
    const onReset = vi.fn();
    renderWithProviders(<ListEmptyState isFiltered empty={EMPTY} filtered={FILTERED} onReset={onReset} />);
    expect(screen.getByText('No flags match these filters')).toBeTruthy();
    expect(screen.getByTestId('filtered-icon')).toBeTruthy();
    expect(screen.queryByText('No open flags')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('names the button as the screen calls it', () => {
    renderWithProviders(
      <ListEmptyState isFiltered empty={EMPTY} filtered={FILTERED} onReset={vi.fn()} resetLabel="Reset filters" />,
    );
    expect(screen.getByRole('button', { name: 'Reset filters' })).toBeTruthy();
  });
});
