import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillWorksheet, refillWorksheet } from '../../features/refill-worksheets/testing/worksheet.fixture';
import { renderWithProviders } from '../../test-utils';
import { paths } from '../paths';
import { FillWorksheetRoute } from './fill-worksheet-route';
import { RefillWorksheetRoute } from './refill-worksheet-route';

const PATIENT_ID = '3c2d1e0f-0000-4000-8000-000000000042';
const PUMP_ID = '3c2d1e0f-0000-4000-8000-0000000000aa';
const FILL_ID = '3c2d1e0f-0000-4000-8000-0000000000f2';

function stubApi(answers: { status: number; body: unknown }[]) {
  const fetchMock = vi.fn<typeof fetch>(async () => {
    const { status, body } = answers.length > 1 ? answers.shift()! : answers[0]!;
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderBefore = () =>
  renderWithProviders(
    <Routes>
      <Route path={paths.refillWorksheet.path} element={<RefillWorksheetRoute />} />
    </Routes>,
    { route: paths.refillWorksheet.getHref(PATIENT_ID, PUMP_ID) },
  );

const renderAfter = () =>
  renderWithProviders(
    <Routes>
      <Route path={paths.fillWorksheet.path} element={<FillWorksheetRoute />} />
    </Routes>,
    { route: paths.fillWorksheet.getHref(PATIENT_ID, FILL_ID) },
  );

describe('RefillWorksheetRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("loads the pump's worksheet, then offers Back, the PDF and Print", async () => {
    const fetchMock = stubApi([{ status: 200, body: refillWorksheet() }]);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderBefore();

    expect(screen.getByRole('heading', { level: 1, name: 'Refill worksheet' })).toBeTruthy();
    expect(screen.getByRole('status')).toBeTruthy();
    expect(await screen.findByRole('article', { name: 'Refill worksheet' })).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`/api/pumps/${PUMP_ID}/refill-worksheet`);
    const pdf = screen.getByRole('link', { name: 'Download PDF' });
    expect(pdf.getAttribute('href')).toBe(`/api/pumps/${PUMP_ID}/refill-worksheet.pdf`);
    expect(pdf.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Back to patient' }).getAttribute('href')).toBe(`/patients/${PATIENT_ID}`);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('says there is no refill to plan for a pump without an active fill, and offers no PDF', async () => {
    stubApi([
      {
        status: 422,
        body: { code: 'RULE_VIOLATION', message: 'no fill', details: [{ field: 'pumpId', message: 'has no fill' }] },
      },
    ]);
    renderBefore();
    expect(await screen.findByText('No refill to plan')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download PDF' })).toBeNull();
  });

  it('answers another clinic as not found, and a failure with a retry that loads the sheet', async () => {
    stubApi([{ status: 404, body: { code: 'NOT_FOUND', message: 'Pump not found', details: [] } }]);
    const missing = renderBefore();
    expect(await screen.findByText('No such record in this clinic')).toBeTruthy();
    missing.unmount();

    stubApi([
      { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong', details: [] } },
      { status: 200, body: refillWorksheet() },
    ]);
    renderBefore();
    expect(await screen.findByText('Could not load the refill worksheet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('article', { name: 'Refill worksheet' })).toBeTruthy();
  });
});

describe('FillWorksheetRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("loads the refill's record with its PDF", async () => {
    const fetchMock = stubApi([{ status: 200, body: fillWorksheet() }]);
    renderAfter();
    expect(screen.getByRole('heading', { level: 1, name: 'Refill record' })).toBeTruthy();
    expect(await screen.findByRole('article', { name: 'Refill record' })).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`/api/fills/${FILL_ID}/worksheet`);
    expect(screen.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
      `/api/fills/${FILL_ID}/worksheet.pdf`,
    );
  });

  it('explains that a first fill has no refill record', async () => {
    stubApi([
      {
        status: 422,
        body: { code: 'RULE_VIOLATION', message: 'first fill', details: [{ field: 'fillId', message: 'first' }] },
      },
    ]);
    renderAfter();
    expect(await screen.findByText('No refill record for a first fill')).toBeTruthy();
  });
});
