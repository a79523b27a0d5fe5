// The one door to the service: GraphQL over HTTP with the caller's token, if any. The token lives in memory only
// (never in localStorage): a reload asks the session for it again.

export type GraphQlError = { message: string; extensions?: { classification?: string; field?: string } };

export class ApiError extends Error {
  constructor(message: string, readonly errors: GraphQlError[] = [], readonly status = 0) {
    super(message);
  }

  /** Whether the service refused the caller (not signed in, or out of its scope). */
  get forbidden(): boolean {
    return this.status === 401 || this.status === 403
      || this.errors.some((e) => ['FORBIDDEN', 'UNAUTHORIZED'].includes(e.extensions?.classification ?? ''));
  }
}

let bearer: string | null = null;

export function setBearer(token: string | null): void {
  bearer = token;
}

export function authorization(): Record<string, string> {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

/** Sends one GraphQL operation (as the session, or with `token`); throws an ApiError carrying the service's messages (in French) on any error. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal,
  token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : authorization()) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      throw error;
    }
    throw new ApiError('Le service ne répond pas : vérifiez votre connexion et réessayez.');
  }
  const body = await response.json().catch(() => null) as { data?: T; errors?: GraphQlError[] } | null;
  if (!body) {
    throw new ApiError(`Réponse illisible du service (HTTP ${response.status}).`, [], response.status);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join(' · '), body.errors, response.status);
  }
  if (!response.ok || body.data === undefined) {
    throw new ApiError(`Le service a répondu HTTP ${response.status}.`, [], response.status);
  }
  return body.data;
}

/** Downloads a file of the service (an export, a PDF) with the caller's token, under its own name. */
export async function download(url: string): Promise<void> {
  const response = await fetch(url, { headers: authorization() });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new ApiError(text.length < 300 && text ? text : `Téléchargement refusé (HTTP ${response.status}).`, [], response.status);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/.exec(disposition)?.[1]
    ?? url.split('/').pop()?.split('?')[0] ?? 'export';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
