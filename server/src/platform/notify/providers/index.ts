import type { Config, NotifyConfig } from '../../../config.js';
import { AliyunSmsProvider } from './aliyun.js';
import { ConsoleSmsProvider, type NotifyLog } from './console.js';
import { SmtpEmailProvider } from './smtp.js';
import type { NotifyProviders } from './types.js';

export { AliyunSmsProvider, envSuffixOf } from './aliyun.js';
export { ConsoleSmsProvider, type NotifyLog } from './console.js';
export { SmtpEmailProvider } from './smtp.js';
export * from './types.js';

/** The providers the configuration names: Alibaba Cloud or the log for SMS, SMTP or nothing for email. */
export function createNotifyProviders(config: NotifyConfig, log?: NotifyLog): NotifyProviders {
  return {
    sms: config.sms.provider === 'aliyun' ? new AliyunSmsProvider(config.sms) : new ConsoleSmsProvider(log),
    email: config.email ? new SmtpEmailProvider(config.email.url, config.email.from) : null,
  };
}

const fromConfig = new WeakMap<object, NotifyProviders>();

/** The providers a set of dependencies carries, or those its configuration names (made once per configuration). */
export function providersOf(deps: { notify?: NotifyProviders; config: Pick<Config, 'notify'> }): NotifyProviders {
  if (deps.notify) return deps.notify;
  let made = fromConfig.get(deps.config);
  if (!made) {
    made = createNotifyProviders(deps.config.notify);
    fromConfig.set(deps.config, made);
  }
  return made;
}
