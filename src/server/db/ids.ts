/** Row ids are random UUIDs; anything else cannot name a row (and PostgreSQL would refuse to compare it). */
export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
