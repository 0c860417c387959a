/** A coded error from the API: `{"error": {"code", "message", "details"}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

/** A request body sent as it is, with its media type. */
class RawBody {
  constructor(readonly content: Blob | string, readonly contentType: string) {}
}

export type Query = Record<string, string | number | undefined | null>;

/**
 * Talks to the Switchboard HTTP API with one bearer token, or with none: the public portal, or a
 * person signed in by session cookie, who sends the session's CSRF token with every change.
 * The pages use nothing else.
 */
export class ApiClient {
  constructor(readonly token: string, readonly csrfToken: string | null = null) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', withQuery(path, query));
  }

  /** A GET answered as text (a CSV export); an error answer is still read as the JSON error. */
  async text(path: string, query?: Query): Promise<string> {
    const headers: Record<string, string> = { accept: 'text/csv' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(withQuery(path, query), { headers });
    const text = await response.text();
    if (!response.ok) throw toApiError(response.status, text ? (JSON.parse(text) as unknown) : null);
    return text;
  }

  /** `signal` aborts the request; a long-running call (a simulation) is cancelled by closing it. */
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.send<T>('POST', path, body, signal);
  }

  /** A POST whose body is a file sent as it is (a CSV call log), answered as JSON. */
  postFile<T>(path: string, file: Blob, contentType: string, signal?: AbortSignal): Promise<T> {
    return this.send<T>('POST', path, new RawBody(file, contentType), signal);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path);
  }

  private async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const payload = body === undefined || body instanceof RawBody ? body : new RawBody(JSON.stringify(body), 'application/json');
    if (payload) headers['content-type'] = payload.contentType;
    const response = await fetch(path, { method, headers, body: payload?.content, signal });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) throw toApiError(response.status, parsed);
    return parsed as T;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, error?.code ?? 'http_error', error?.message ?? `The server answered ${status}.`, error?.details);
}

/** A path with the query's non-empty values appended. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The first `most` items of a cursor-paginated list, following pages as needed. */
export async function listAll<T>(api: ApiClient, path: string, query: Query = {}, most = 1000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: T[]; next_cursor: string | null } = await api.get(path, { ...query, limit: Math.min(200, most - items.length), cursor });
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor && items.length < most);
  return items;
}
