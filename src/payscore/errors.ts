/**
 * Every failure of the payment core is one of these classes, so callers can branch on the
 * class and show the message. Messages name the field, header or variable involved, never a
 * secret value.
 */

/** Base class of every error thrown by the payment core. */
export class PayScoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request was refused locally, before anything was sent: `field` broke `rule`. */
export class ValidationError extends PayScoreError {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

/** Configuration is missing or malformed; `variables` names the environment variables. */
export class ConfigError extends PayScoreError {
  constructor(
    readonly variables: string[],
    readonly problems: string[],
  ) {
    super(`invalid Pay Score configuration: ${problems.join('; ')}`);
  }
}

/** Why a WeChat Pay signature was not accepted. */
export type SignatureProblem =
  'missing-headers' | 'unknown-serial' | 'stale-timestamp' | 'signtest-probe' | 'bad-signature';

/** A response or notification from WeChat Pay failed verification and must not be trusted. */
export class SignatureError extends PayScoreError {
  constructor(
    readonly problem: SignatureProblem,
    message: string,
    readonly requestId?: string,
  ) {
    super(requestId ? `${message} (Request-ID ${requestId})` : message);
  }
}

/** A notification could not be decrypted or does not have the expected shape. */
export class NotificationError extends PayScoreError {}

/** Body of a WeChat Pay APIv3 error reply. */
export interface ApiErrorDetail {
  field?: string;
  value?: unknown;
  issue?: string;
  location?: string;
  [extra: string]: unknown;
}

/** WeChat Pay answered with a non-2xx status. */
export class ApiError extends PayScoreError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly apiMessage: string,
    readonly detail: ApiErrorDetail | undefined,
    readonly requestId: string | undefined,
  ) {
    super(describeApiError(status, code, apiMessage, detail, requestId));
  }

  /** A 5xx may succeed later with the same parameters; a 4xx (429 included) is not retried. */
  get retryable(): boolean {
    return this.status >= 500;
  }
}

/** No usable answer: connection failed, timed out, or the 2xx body was not JSON. */
export class TransportError extends PayScoreError {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * An earlier attempt got no answer and the retry was refused with a 4xx: the earlier attempt
 * may well have taken effect (a completed order refuses a second complete). Query the order
 * to learn the outcome; never report the operation as failed.
 */
export class UncertainOutcomeError extends TransportError {
  constructor(readonly refusal: ApiError) {
    super(
      `no answer to an earlier attempt, and the retry was refused (${refusal.status} ` +
        `${refusal.code}): the earlier attempt may have taken effect; query the order`,
    );
  }
}

function describeApiError(
  status: number,
  code: string,
  message: string,
  detail: ApiErrorDetail | undefined,
  requestId: string | undefined,
): string {
  const parts = [`WeChat Pay replied ${status} ${code}: ${message}`];
  if (detail?.field) parts.push(`field ${detail.field}`);
  if (detail?.issue) parts.push(`issue ${detail.issue}`);
  if (code === 'NO_AUTH') parts.push('check that mchid, appid and service_id belong together');
  if (requestId) parts.push(`Request-ID ${requestId}`);
  return parts.join('; ');
}
