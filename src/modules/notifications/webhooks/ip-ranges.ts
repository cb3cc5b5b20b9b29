import { isIPv4, isIPv6 } from 'node:net';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

type Range = [kind: AddressKind, prefix: number[], bits: number];

// IPv4 special-purpose blocks (RFC 6890 and successors). Anything else is public.
const V4: Range[] = [
  ['reserved', [0], 8],
  ['private', [10], 8],
  ['private', [100, 64], 10], // carrier-grade NAT
  ['loopback', [127], 8],
  ['link-local', [169, 254], 16], // includes cloud metadata 169.254.169.254
  ['private', [172, 16], 12],
  ['reserved', [192, 0, 0], 24],
  ['reserved', [192, 0, 2], 24],
  ['reserved', [192, 88, 99], 24],
  ['private', [192, 168], 16],
  ['reserved', [198, 18], 15],
  ['reserved', [198, 51, 100], 24],
  ['reserved', [203, 0, 113], 24],
  ['reserved', [224], 4], // multicast
  ['reserved', [240], 4], // future use and broadcast
];

const V6: Range[] = [
  ['loopback', [...Array(15).fill(0), 1], 128],
  ['reserved', Array(16).fill(0), 128],
  ['reserved', [0x01, 0x00], 64], // discard
  ['reserved', [0x20, 0x01, 0x00, 0x00], 32], // Teredo
  ['reserved', [0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  ['reserved', [0x20, 0x02], 16], // 6to4
  ['reserved', [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // local-use NAT64
  ['private', [0xfc], 7], // unique local
  ['link-local', [0xfe, 0x80], 10],
  ['reserved', [0xfe, 0xc0], 10], // deprecated site-local
  ['reserved', [0xff], 8], // multicast
];

function matches(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((bytes[byte] & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

const v4Bytes = (ip: string) => ip.split('.').map(Number);

/** The 16 bytes of an IPv6 address (zone id dropped; embedded dotted IPv4 tail allowed). */
export function ipv6Bytes(ip: string): number[] {
  const [addr] = ip.split('%');
  let groups: number[] = [];
  const parse = (part: string) =>
    part
      .split(':')
      .filter((g) => g !== '')
      .flatMap((g) => {
        if (g.includes('.')) {
          const [a, b, c, d] = v4Bytes(g);
          return [(a << 8) | b, (c << 8) | d];
        }
        return [parseInt(g, 16)];
      });
  if (addr.includes('::')) {
    const [head, tail] = addr.split('::');
    const h = parse(head);
    const t = parse(tail);
    groups = [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  } else {
    groups = parse(addr);
  }
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** IPv4 carried inside an IPv6 address: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64. */
function embeddedV4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const mapped = zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = zeros(0, 12) && !zeros(12, 15);
  const nat64 = matches(bytes, [0x00, 0x64, 0xff, 0x9b], 96);
  return mapped || compatible || nat64 ? bytes.slice(12) : null;
}

function classifyV4(bytes: number[]): AddressKind {
  return V4.find(([, prefix, bits]) => matches(bytes, prefix, bits))?.[0] ?? 'public';
}

/** What kind of address `ip` is; throws on something that is not an IP literal. */
export function classifyAddress(ip: string): AddressKind {
  if (isIPv4(ip)) return classifyV4(v4Bytes(ip));
  if (!isIPv6(ip.split('%')[0])) throw new Error(`not an IP address: ${ip}`);
  const bytes = ipv6Bytes(ip);
  const v4 = embeddedV4(bytes);
  if (v4) return classifyV4(v4);
  return V6.find(([, prefix, bits]) => matches(bytes, prefix, bits))?.[0] ?? 'public';
}
