import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage, EmailProvider } from './types.js';

/** Email through any SMTP server (the government mail system, or a relay), configured by SMTP_URL and SMTP_FROM. */
export class SmtpEmailProvider implements EmailProvider {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // nodemailer's own timeouts run to minutes; a delivery must fail well within the sender's lease.
    this.transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(m: EmailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: m.to,
      subject: m.subject,
      html: m.html,
      text: m.text,
      headers: { 'X-Lianluo-Notification': m.reference },
    });
    return { messageId: info.messageId };
  }
}
