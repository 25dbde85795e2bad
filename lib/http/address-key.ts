import ipaddr from "ipaddr.js";

/**
 * The key per-address limits count by. IPv4 as is. IPv6 by its /64 (or a
 * wider prefix the caller asks for): an ISP hands one subscriber a whole /64
 * (and privacy extensions rotate addresses inside it), so counting single IPv6
 * addresses would let one phone take an unlimited number of keys; many ISPs
 * hand out a /56 or /48, which limits against guessing count by (/56).
 * IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 address.
 * Anything unparseable ("unknown") is kept as is, truncated.
 */
export function addressKey(ip: string, v6PrefixBits: 48 | 56 | 64 = 64): string {
  const raw = ip.trim();
  if (!ipaddr.isValid(raw)) return raw.slice(0, 64);
  let addr = ipaddr.parse(raw);
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) addr = addr.toIPv4Address();
  if (addr instanceof ipaddr.IPv4) return addr.toString();
  const bytes = addr.toByteArray().map((b, i) => (i < v6PrefixBits / 8 ? b : 0));
  return `${ipaddr.fromByteArray(bytes).toString()}/${v6PrefixBits}`;
}
