import { ReplyEnvelope, type ErrorCode, type ProtocolMap, type RequestOf, type RequestType } from './protocol';

export class RemoteError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

/** Typed request to the background; a refusal comes back as a RemoteError carrying the background's message. */
export async function send<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ProtocolMap[T]> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, ...payload });
  } catch (e) {
    throw new RemoteError('internal', `The extension's background did not answer: ${(e as Error).message}`);
  }
  const reply = ReplyEnvelope.safeParse(raw);
  if (!reply.success) throw new RemoteError('internal', `The extension's background gave an unreadable answer to ${type}.`);
  if (!reply.data.ok) throw new RemoteError(reply.data.error.code, reply.data.error.message);
  return reply.data.data as ProtocolMap[T];
}
