/** A non-2xx answer, shaped the way clients such as botbuilder report one: status plus response headers. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly response: { readonly status: number; readonly headers: Headers };

  constructor(status: number, headers: Headers) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
    this.statusCode = status;
    this.response = { status, headers };
  }
}

/** POSTs JSON with `fetch` and throws an `HttpError` for any answer outside 2xx. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // Reading the body frees the keep-alive connection for the next send.
  await res.arrayBuffer();
  if (!res.ok) throw new HttpError(res.status, res.headers);
}
