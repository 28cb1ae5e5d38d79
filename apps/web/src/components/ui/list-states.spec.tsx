import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { ListStates, type ListQuery } from './list-states';

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  isPending: false,
  isError: false,
  error: null,
  isRefetching: false,
  refetch: vi.fn(() => Promise.resolve()),
  ...overrides,
});

function renderStates(listQuery: ListQuery, isEmpty: boolean) {
  renderWithProviders(
    <ListStates
      query={listQuery}
      isEmpty={isEmpty}
      loading={<p>Loading rows</p>}
      errorTitle="Could not load flags"
      empty={<p>No flags yet</p>}
    >
      <p>The rows</p>
    </ListStates>,
  );
}

describe('ListStates', () => {
  it('shows the loading state until the first page arrives', () => {
    renderStates(query({ isPending: true }), true);
    expect(screen.getByText('Loading rows')).toBeTruthy();
    expect(screen.queryByText('The rows')).toBeNull();
  });

  it('shows the error with a retry when nothing could be loaded', () => {
    const failed = query({ isError: true, error: new Error('Network down') });
    renderStates(failed, true);
    expect(screen.getByRole('alert').textContent).toContain('Could not load flags');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(failed.refetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the rows already shown when a refresh fails', () => {
    renderStates(query({ isError: true, error: new Error('Network down') }), false);
    expect(screen.getByText('The rows')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the empty state when the query has no rows', () => {
    renderStates(query(), true);
    expect(screen.getByText('No flags yet')).toBeTruthy();
    expect(screen.queryByText('The rows')).toBeNull();
  });

  it('shows the rows once there are some', () => {
    renderStates(query(), false);
    expect(screen.getByText('The rows')).toBeTruthy();
    expect(screen.queryByText('No flags yet')).toBeNull();
  });
});
