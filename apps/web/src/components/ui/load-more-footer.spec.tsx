import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { LoadMoreFooter, type NextPageQuery } from './load-more-footer';

const query = (overrides: Partial<NextPageQuery> = {}): NextPageQuery => ({
  hasNextPage: false,
  isFetchingNextPage: false,
  isFetchNextPageError: false,
  error: null,
  fetchNextPage: vi.fn(() => Promise.resolve()),
  ...overrides,
});

describe('LoadMoreFooter', () => {
  it('announces how much of the list is shown', () => {
    renderWithProviders(<LoadMoreFooter query={query()} summary="Showing 3 events, newest first" noun="events" />);
    const summary = screen.getByText('Showing 3 events, newest first');
    expect(summary.getAttribute('aria-live')).toBe('polite');
  });

  it('offers "Load more" only while there is a next page', () => {
    renderWithProviders(<LoadMoreFooter query={query()} summary="Showing 3 events" noun="events" />);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('fetches the next page on "Load more"', () => {
    const more = query({ hasNextPage: true });
    renderWithProviders(<LoadMoreFooter query={more} summary="Showing 20 events" noun="events" />);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(more.fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it('shows "Load more" alone where the section counts the list itself', () => {
    const { container } = renderWithProviders(<LoadMoreFooter query={query({ hasNextPage: true })} noun="flags" />);
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
    expect(container.querySelector('[aria-live]')).toBeNull();
  });

  it('says the next page failed and retries it', () => {
    const failed = query({ hasNextPage: true, isFetchNextPageError: true, error: new Error('Network down') });
    renderWithProviders(<LoadMoreFooter query={failed} summary="Showing 20 flags" noun="flags" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load more flags');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(failed.fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it('shows no error while the next page has not failed', () => {
    renderWithProviders(
      <LoadMoreFooter query={query({ hasNextPage: true })} summary="Showing 20 flags" noun="flags" />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
