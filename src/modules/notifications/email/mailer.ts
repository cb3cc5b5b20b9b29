import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../../config/app-config';
import type { RenderedMail } from './email.templates';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** RFC 2369 / RFC 8058 one-click unsubscribe target. */
  unsubscribeUrl?: string;
}

/** SMTP through nodemailer (pooled), configured by the SMTP_* env keys; unset host = disabled. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport?: Transporter;
  private readonly from: string;

  constructor(config: AppConfig) {
    this.from = config.SMTP_FROM;
    if (!config.SMTP_HOST) return;
    this.transport = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      requireTLS: config.SMTP_REQUIRE_TLS,
      auth: config.SMTP_USER
        ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' }
        : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Throws on SMTP failure so the notify job retries. */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) {
      this.logger.warn(`e-mail disabled (no SMTP_HOST): dropped "${mail.subject}"`);
      return;
    }
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.unsubscribeUrl
        ? { list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } } }
        : {}),
      ...(mail.unsubscribeUrl
        ? { headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
        : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
