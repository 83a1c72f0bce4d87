import JSZip from 'jszip';

/** A built package's file names (sorted, no folders) and a reader for each, as text or bytes. */
export async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort();
  return { names, text: (name: string) => zip.file(name)!.async('string'), bytes: (name: string) => zip.file(name)!.async('uint8array') };
}
