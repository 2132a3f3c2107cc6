/** What an SMS provider is given: the template key and its values for providers with approved templates (the Chinese carriers require them), and the rendered text for the others. */
export interface SmsMessage {
  phone: string;
  templateKey: string;
  params: Record<string, string>;
  text: string;
  /** The notification's id: passed on as the provider's own reference, so a delivery can be traced both ways. */
  reference: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  reference: string;
}

export interface EmailProvider {
  readonly name: string;
  send(message: EmailMessage): Promise<{ messageId: string }>;
}

/** The providers the sender uses; AppDeps carries them so tests can put their own in. */
export interface NotifyProviders {
  sms: SmsProvider;
  /** null when no mail server is configured: email deliveries are then skipped, with the reason shown. */
  email: EmailProvider | null;
}

/**
 * A failure that trying again cannot fix (no template code, a number the carrier refuses): the
 * delivery goes straight to dead, visible to the administrator, instead of being retried six times.
 */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}
