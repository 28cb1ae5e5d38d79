import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emergencyCard } from '../../features/emergency-card/testing/emergency-card.fixture';
import { renderWithProviders } from '../../test-utils';
import { paths } from '../paths';
import { EmergencyCardRoute } from './emergency-card-route';

const PATIENT_ID = '3c2d1e0f-0000-4000-8000-000000000042';

function stubCardApi(status: number, body: unknown) {
  const fetchMock = vi.fn<typeof fetch>(
    async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderRoute = () =>
  renderWithProviders(
    <Routes>
      <Route path={paths.emergencyCard.path} element={<EmergencyCardRoute />} />
    </Routes>,
    { route: paths.emergencyCard.getHref(PATIENT_ID) },
  );

describe('EmergencyCardRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the patient's card with Print and a PDF download of the same card", async () => {
    const fetchMock = stubCardApi(200, emergencyCard());
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderRoute();

    expect(screen.getByRole('heading', { level: 1, name: 'Emergency card' })).toBeTruthy();
    expect(screen.getByRole('status')).toBeTruthy();
    expect(await screen.findByTestId('card-front')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`/api/patients/${PATIENT_ID}/emergency-card`);
    expect(screen.queryByRole('status')).toBeNull();

    const pdf = screen.getByRole('link', { name: 'Download PDF' });
    expect(pdf.getAttribute('href')).toBe(`/api/patients/${PATIENT_ID}/emergency-card.pdf`);
    expect(pdf.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Back to patient' }).getAttribute('href')).toBe(`/patients/${PATIENT_ID}`);

    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('says there is no card yet when the patient has no filled active pump', async () => {
    stubCardApi(422, {
      code: 'RULE_VIOLATION',
      message: 'patientId has no active pump with a fill: there is nothing to put on a card',
      details: [{ field: 'patientId', message: 'has no active pump with a fill' }],
    });
    renderRoute();
    expect(await screen.findByText('No card for this patient yet')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download PDF' })).toBeNull();
  });

  it('tells the admin to set the clinic 24-hour phone when the clinic has none, and offers no card', async () => {
    stubCardApi(422, {
      code: 'RULE_VIOLATION',
      message: 'The clinic has no 24-hour phone number, so no card can be printed',
      details: [{ field: 'emergencyPhone', message: 'is not set' }],
    });
    renderRoute();
    expect(await screen.findByText('The clinic has no 24-hour phone number')).toBeTruthy();
    expect(
      screen.getByText(/an administrator sets the clinic's 24-hour phone number in the clinic settings/),
    ).toBeTruthy();
    expect(screen.queryByText('No card for this patient yet')).toBeNull();
    expect(screen.queryByTestId('card-front')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Download PDF' })).toBeNull();
  });

  it('answers an unknown patient as not found, and other failures with a retry', async () => {
    stubCardApi(404, { code: 'NOT_FOUND', message: 'patient not found', details: [] });
    const missing = renderRoute();
    expect(await screen.findByRole('heading', { level: 1, name: 'Patient not found' })).toBeTruthy();
    missing.unmount();

    stubCardApi(500, { code: 'INTERNAL', message: 'Something went wrong', details: [] });
    renderRoute();
    expect(await screen.findByText('Could not load the emergency card')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
