import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { SignInForm } from './sign-in-form';

const answer = (status: number, body: unknown) =>
  vi
    .fn<typeof fetch>()
    .mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the credentials are wrong on a 401', async () => {
    vi.stubGlobal(
      'fetch',
      answer(401, { code: 'UNAUTHENTICATED', message: 'Email or password is not right', details: [] }),
    );
    renderWithProviders(<SignInForm onSuccess={vi.fn()} />);
    signIn('nurse@northside.example', 'wrong-password');
    expect(await screen.findByText('Could not sign in')).toBeTruthy();
    expect(screen.getByText(/email or password is not right/i)).toBeTruthy();
  });

  it('says there were too many attempts on a 429', async () => {
    vi.stubGlobal(
      'fetch',
      answer(429, {
        code: 'RATE_LIMITED',
        message: 'Too many failed sign-ins. Wait 15 minutes and try again.',
        details: [],
      }),
    );
    renderWithProviders(<SignInForm onSuccess={vi.fn()} />);
    signIn('nurse@northside.example', 'wrong-password');
    expect(await screen.findByText('Too many attempts')).toBeTruthy();
    expect(screen.getByText(/wait 15 minutes/i)).toBeTruthy();
  });

  it('checks the email before calling the server', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SignInForm onSuccess={vi.fn()} />);
    signIn('not-an-email', 'x');
    expect(await screen.findByText('Must be an email address')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
