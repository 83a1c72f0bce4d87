/**
 * The download's file name. A custom module's title is often Japanese: browsers take it from
 * `filename*` (RFC 6266 / RFC 5987, UTF-8 percent-encoded), and older clients from the plain
 * ASCII `filename`, so both are sent.
 */

/** A title as the start of a file name: characters file systems refuse and controls become `_`. */
export function safeFileStem(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '_')
    .trim()
    .slice(0, 80);
}

/** RFC 5987 attr-char: encodeURIComponent leaves `'()*!` as they are, the header grammar does not. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"`, plus `filename*` when there is a readable name (any characters). */
export function attachmentDisposition(asciiName: string, readableName = ''): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const readable = readableName.trim();
  return readable && readable !== ascii ? `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(readable)}` : `attachment; filename="${ascii}"`;
}
