import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiErrorFromResponse, buildApiUrl, setUnauthenticatedHandler } from './api-client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('apiErrorFromResponse', () => {
  it('carries the code, message, field details and status of the error body', async () => {
    const error = await apiErrorFromResponse(
      json(422, {
        code: 'RULE_VIOLATION',
        message: 'initialFill.volumeAddedMl must be at most the reservoir capacity (20 mL)',
        details: [{ field: 'initialFill.volumeAddedMl', message: 'must be at most the reservoir capacity (20 mL)' }],
        requestId: 'req-1',
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details).toEqual([
      { field: 'initialFill.volumeAddedMl', message: 'must be at most the reservoir capacity (20 mL)' },
    ]);
    expect(error.requestId).toBe('req-1');
  });

  it('falls back to a code from the status when the body is not the error shape', async () => {
    const error = await apiErrorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('HTTP 502');
    expect(error.details).toEqual([]);

    const limited = await apiErrorFromResponse(new Response('', { status: 429 }));
    expect(limited.code).toBe('RATE_LIMITED');
  });
});

describe('buildApiUrl', () => {
  it('prefixes /api and leaves out empty query values', () => {
    expect(buildApiUrl('/patients', { q: 'ann', cursor: undefined, limit: 25 })).toBe('/api/patients?q=ann&limit=25');
    expect(buildApiUrl('/patients', { q: '' })).toBe('/api/patients');
  });
});

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const onUnauthenticated = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setUnauthenticatedHandler(onUnauthenticated);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    onUnauthenticated.mockReset();
    setUnauthenticatedHandler(null);
  });

  it('sends JSON with the session cookie and parses the answer', async () => {
    fetchMock.mockResolvedValue(json(200, { id: 'p1' }));
    await expect(api.post('/patients', { mrn: 'A1' })).resolves.toEqual({ id: 'p1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/patients');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"mrn":"A1"}' });
  });

  it('answers undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('sends the user to sign in on a 401 from any endpoint but login', async () => {
    const unauthenticated = { code: 'UNAUTHENTICATED', message: 'Sign in', details: [] };
    fetchMock.mockResolvedValue(json(401, unauthenticated));
    await expect(api.get('/patients')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValue(json(401, unauthenticated));
    await expect(api.post('/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.get('/patients')).rejects.toMatchObject({ status: 0, code: 'INTERNAL' });
  });

  it('asks again while its Idempotency-Key is still being answered, and resolves with the saved record', async () => {
    const inFlight = () =>
      json(409, {
        code: 'CONFLICT',
        message: 'A request with this Idempotency-Key is still being processed. Retry in a moment.',
        details: [{ field: 'Idempotency-Key', message: 'is still being processed' }],
      });
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(inFlight())
      .mockResolvedValueOnce(inFlight())
      .mockResolvedValueOnce(json(201, { id: 'adj-1' }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(
      api.post('/pumps/p1/dose-adjustments', { newDailyDoseMcg: 440 }, { headers: { 'Idempotency-Key': 'key-00001' } }),
    ).resolves.toEqual({ id: 'adj-1' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('does not ask again after any other 409', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(
      json(409, {
        code: 'STALE_VERSION',
        message: 'This pump was changed by someone else since you opened it.',
        details: [{ field: 'version', message: 'is out of date' }],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await expect(
      api.post('/pumps/p1/fills', {}, { headers: { 'Idempotency-Key': 'key-00002' } }),
    ).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
