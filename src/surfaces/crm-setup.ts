import { HttpCustomerDirectory } from '../adapters/crm/http-customer-directory.js';
import type { Config } from '../config/config.js';
import type { CustomerDirectory } from '../domain/crm/customer-directory.js';

type CrmConfig = Pick<Config, 'crmUrl' | 'crmToken' | 'crmTimeoutMs' | 'crmCacheTtlMs' | 'crmBreakerFailures' | 'crmBreakerCooldownMs'>;

/** The configured CRM lookup, or null when `crmUrl` is unset; `warn` hears why a lookup gave nothing (never the token). */
export function customerDirectoryFrom(config: CrmConfig, now: () => number, warn: (message: string) => void): CustomerDirectory | null {
  if (!config.crmUrl) return null;
  return new HttpCustomerDirectory({
    urlTemplate: config.crmUrl,
    token: config.crmToken,
    timeoutMs: config.crmTimeoutMs,
    cacheTtlMs: config.crmCacheTtlMs,
    breakerFailures: config.crmBreakerFailures,
    breakerCooldownMs: config.crmBreakerCooldownMs,
    now,
    onFailure: (reason) => warn(`The CRM lookup gave no answer (${reason}); the ticket was taken in without it.`),
  });
}
