import { attachmentDisposition } from '../../lib/scorm/packageFileName.ts';

/** The zip as a download that no shared cache keeps. */
export function zipResponse(zip: Uint8Array, fileName: string, readableName?: string): Response {
  return new Response(zip as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': 'application/zip',
      'content-length': String(zip.byteLength),
      'content-disposition': attachmentDisposition(fileName, readableName),
      'cache-control': 'no-store',
    },
  });
}
