import DysmsapiModule, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { PermanentSendError, type SmsMessage, type SmsProvider } from './types.js';

type DysmsapiClient = typeof DysmsapiModule.default;
// The SDK is CommonJS with an __esModule default. Node's ESM loader hands over the whole exports
// object as the default import, Vite-based tools unwrap it to the class: take the class either way.
const loaded = DysmsapiModule as unknown as DysmsapiClient | { default: DysmsapiClient };
const Dysmsapi: DysmsapiClient = typeof loaded === 'function' ? loaded : loaded.default;

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  endpoint: string;
  /** Approved template codes (SMS_123456789) by the template key's env suffix, OPINION_ACCEPTED for opinion.accepted. */
  templateCodes: Record<string, string>;
}

/** opinion.due_soon → OPINION_DUE_SOON, the suffix of its ALIYUN_SMS_TEMPLATE_… variable. */
export const envSuffixOf = (templateKey: string): string => templateKey.toUpperCase().replace(/[^A-Z0-9]/g, '_');

// Answers that no retry can change: the number, the template or the signature is wrong.
const PERMANENT_CODES = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.INVALID_PARAMETERS',
  'isv.INVALID_JSON_PARAM',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT',
]);

// Alibaba Cloud limits each template variable to 1–35 characters; a longer summary would make the whole message fail.
const MAX_PARAM_LENGTH = 35;

export function aliyunParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      const chars = [...v];
      const value = chars.length > MAX_PARAM_LENGTH ? `${chars.slice(0, MAX_PARAM_LENGTH - 1).join('')}…` : v;
      return [k, value === '' ? '-' : value];
    }),
  );
}

/**
 * SMS through Alibaba Cloud's official SDK (dysmsapi 2017-05-25). The carriers deliver only
 * approved templates, so each event needs its template code; the rendered text is kept for the record.
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';
  private readonly client: InstanceType<DysmsapiClient>;

  constructor(private readonly opts: AliyunSmsOptions) {
    this.client = new Dysmsapi(
      new $OpenApiUtil.Config({
        accessKeyId: opts.accessKeyId,
        accessKeySecret: opts.accessKeySecret,
        endpoint: opts.endpoint,
        connectTimeout: 5_000,
        readTimeout: 10_000,
      }),
    );
  }

  async send(m: SmsMessage): Promise<{ messageId: string }> {
    const suffix = envSuffixOf(m.templateKey);
    const templateCode = this.opts.templateCodes[suffix];
    if (!templateCode) throw new PermanentSendError(`No Alibaba Cloud template code: set ALIYUN_SMS_TEMPLATE_${suffix}`);
    const res = await this.client.sendSms(
      new SendSmsRequest({
        phoneNumbers: m.phone,
        signName: this.opts.signName,
        templateCode,
        templateParam: JSON.stringify(aliyunParams(m.params)),
        outId: m.reference,
      }),
    );
    const body = res.body;
    if (body?.code === 'OK' && body.bizId) return { messageId: body.bizId };
    const detail = `Alibaba Cloud SMS ${body?.code ?? res.statusCode}: ${body?.message ?? 'no answer body'} (request ${body?.requestId ?? '-'})`;
    if (body?.code && PERMANENT_CODES.has(body.code)) throw new PermanentSendError(detail);
    throw new Error(detail);
  }
}
