import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { badRequest } from '../../http/errors.js';

/** Addresses a webhook may not reach unless private receivers are allowed: loopback, private, link-local, CGNAT … */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

const refused = (why: { zh: string; en: string }) =>
  badRequest({ 'zh-CN': `body.url: ${why.zh}`, en: `body.url: ${why.en}` }, [{ path: 'body.url', code: 'refused', message: why.en }]);

/**
 * Refuses what a webhook must not call: other schemes than http(s), credentials in the URL, and — unless
 * private receivers are allowed — a host that is or resolves to a private address. A host that does not resolve
 * now is accepted (its deliveries will fail and show in the log); every request checks the address again.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<void> {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused({ zh: '只允许 http 或 https 地址', en: 'only http and https URLs are allowed' });
  if (url.username || url.password) throw refused({ zh: '地址中不能包含用户名或密码', en: 'credentials in the URL are not allowed' });
  if (allowPrivate) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await dns.promises.lookup(host, { all: true }).then((a) => a.map((x) => x.address), () => []);
  if (addresses.some(isPrivateAddress) || host === 'localhost') {
    throw refused({ zh: '不允许指向内网或本机地址', en: 'private, loopback and link-local addresses are not allowed (WEBHOOK_ALLOW_PRIVATE)' });
  }
}

/** The address check at connection time, so a name that resolves differently later (DNS rebinding) is refused too. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = !allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`refused: ${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** For an IP literal the lookup is skipped by Node, so the request checks it itself. */
export function literalRefused(url: URL, allowPrivate: boolean): boolean {
  const host = hostOf(url);
  return !allowPrivate && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)));
}
