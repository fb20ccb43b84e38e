/**
 * What a photo really is, read from its first bytes. The file name and the declared content type are
 * the sender's word; the magic bytes are the file's. Only formats that phones shoot get past here, so
 * nothing else (SVG, PDF, TIFF, GIF, an executable) ever reaches an image decoder.
 */

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// HEIF brands of HEVC-coded stills and sequences (ISO/IEC 23008-12); iPhones write `heic`, some
// Android phones `mif1` or `msf1` with `heic` among the compatible brands.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
// AVIF is the same HEIF container with AV1 inside; sharp decodes it natively.
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The photo format named by the leading bytes, or null when it is not a format we accept. */
export function detectPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') return heifFormat(bytes);
  return null;
}

function heifFormat(bytes: Uint8Array): PhotoFormat | null {
  const major = ascii(bytes, 8, 12);
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (!GENERIC_HEIF_BRANDS.has(major)) return null;
  // A generic HEIF major brand: the compatible brands (after the 4-byte minor version) say the codec.
  const boxSize = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) : 0;
  const end = Math.min(boxSize, bytes.length, 256);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(ascii(bytes, at, at + 4));
  if (compatible.some((brand) => AVIF_BRANDS.has(brand)) && !compatible.some((brand) => HEIC_BRANDS.has(brand))) {
    return 'avif';
  }
  return 'heic';
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}
