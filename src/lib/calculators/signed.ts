/** A formatted change with its sign spelled out: "+63,000円", "-10,000円", "0円" (a plus is not shown by Intl by default). */
export function withSign(value: number, formatted: string): string {
  return value > 0 && !formatted.startsWith('+') ? `+${formatted}` : formatted;
}

/** A signed change whose formatter puts a prefix before the number: "-¥10M", not "¥-10M". */
export function signedAmount(value: number, format: (magnitude: number) => string): string {
  return value < 0 ? `-${format(-value)}` : withSign(value, format(value));
}
