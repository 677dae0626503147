import { ApiError, TransportError, type ApiErrorDetail } from './errors';
import { headerLookup } from './auth/signature-verifier';
import type { HttpResponse } from './http';

/**
 * A non-2xx reply as a typed {@link ApiError}: status, code, message, detail and Request-ID,
 * decoded as UTF-8. A body that is not WeChat Pay's error JSON (a gateway page) still gives a
 * clear error, with code `HTTP_<status>` and the start of the body.
 */
export function apiError(response: HttpResponse): ApiError {
  const requestId = headerLookup(response.headers)('Request-ID');
  let parsed: { code?: unknown; message?: unknown; detail?: unknown } | undefined;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed.code !== 'string') {
    const excerpt = response.body.slice(0, 200) || '(empty body)';
    return new ApiError(response.status, `HTTP_${response.status}`, excerpt, undefined, requestId);
  }
  const message = typeof parsed.message === 'string' ? parsed.message : '';
  const detail =
    parsed.detail && typeof parsed.detail === 'object'
      ? (parsed.detail as ApiErrorDetail)
      : undefined;
  return new ApiError(response.status, parsed.code, message, detail, requestId);
}

/** The JSON of a 2xx reply; an empty body (204) is `{}`. */
export function parseJson(response: HttpResponse): unknown {
  if (response.body === '') return {};
  try {
    return JSON.parse(response.body);
  } catch {
    throw new TransportError(`WeChat Pay replied ${response.status} with a body that is not JSON`);
  }
}
