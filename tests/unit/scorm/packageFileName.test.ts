import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFileStem } from '../../../src/lib/scorm/packageFileName.ts';

describe('safeFileStem', () => {
  it.each([
    ['営業トーク入門', '営業トーク入門'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['  two   spaces\tand tab ', 'two spaces and tab'],
    ['bell\u0007 zero-width\u200b', 'bell_ zero-width_'],
  ])('%j → %j', (title, stem) => {
    expect(safeFileStem(title)).toBe(stem);
  });

  it('keeps at most 80 characters', () => {
    expect(safeFileStem('研'.repeat(200))).toHaveLength(80);
  });
});

describe('attachmentDisposition', () => {
  it.each([
    ['x.zip', undefined, 'attachment; filename="x.zip"'],
    ['x.zip', 'x.zip', 'attachment; filename="x.zip"'],
    // RFC 5987: UTF-8 percent-encoded, and the characters encodeURIComponent leaves alone too.
    ['x.zip', "研修 (1)'s*.zip", `attachment; filename="x.zip"; filename*=UTF-8''%E7%A0%94%E4%BF%AE%20%281%29%27s%2A.zip`],
    ['bad"name\\.zip', undefined, 'attachment; filename="bad_name_.zip"'],
  ])('%j, %j → %j', (ascii, readable, header) => {
    expect(attachmentDisposition(ascii, readable)).toBe(header);
  });
});
