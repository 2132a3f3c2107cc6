import { maskPhone } from '../../crypto.js';
import type { SmsMessage, SmsProvider } from './types.js';

export type NotifyLog = (fields: Record<string, unknown>, message: string) => void;

/**
 * The built-in provider for installations without an SMS contract: the message goes to the server
 * log (the phone masked), and the delivery is recorded as sent by 'console', so the workflow and
 * its records behave exactly as with a real provider.
 */
export class ConsoleSmsProvider implements SmsProvider {
  readonly name = 'console';
  private seq = 0;

  constructor(private readonly log: NotifyLog = (fields, message) => console.log(message, fields)) {}

  async send(m: SmsMessage): Promise<{ messageId: string }> {
    const messageId = `console-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
    this.log(
      { sms: { to: maskPhone(m.phone), templateKey: m.templateKey, reference: m.reference, messageId } },
      `SMS ${maskPhone(m.phone)}: ${m.text}`,
    );
    return { messageId };
  }
}
