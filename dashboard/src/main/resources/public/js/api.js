// The dashboard's JSON API: every call carries the page's view as its query string.
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, params) {
  const response = await fetch(path + (params ? '?' + params.toString() : ''));
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).error || message;
    } catch (ignored) {
      // The body was no JSON: the status text says enough.
    }
    throw new ApiError(response.status, message);
  }
  return response.json();
}

export function withParams(params, extra) {
  const copy = new URLSearchParams(params);
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null) copy.set(key, value);
  }
  return copy;
}
