// Decodes one HEVC-coded HEIF (iPhone .heic) image to RGBA per message, with libheif compiled to
// WebAssembly. It runs in a worker thread because the decode is synchronous and takes about a second
// for 12 megapixels, which would stall every other request on the main thread. Plain JavaScript on
// purpose: a worker does not inherit tsx's loader when the server registered it programmatically.
import { parentPort } from 'node:worker_threads';
import libheif from 'libheif-js/wasm-bundle.js';

parentPort.on('message', async ({ bytes, maxPixels }) => {
  let reply;
  try {
    reply = await decodePrimaryImage(bytes, maxPixels);
  } catch (error) {
    reply = { ok: false, reason: 'CORRUPT', message: String(error?.message ?? error) };
  }
  parentPort.postMessage(reply, reply.ok ? [reply.data] : []);
});

async function decodePrimaryImage(bytes, maxPixels) {
  if (libheif.ready) await libheif.ready;
  const decoder = new libheif.HeifDecoder();
  const images = decoder.decode(bytes);
  try {
    if (images.length === 0) return { ok: false, reason: 'CORRUPT', message: 'no image in the HEIF container' };
    const image = images.find((candidate) => candidate.is_primary()) ?? images[0];
    // Width and height come from the container's boxes: checked before any pixel is decoded.
    const width = image.get_width();
    const height = image.get_height();
    if (!(width > 0 && height > 0)) return { ok: false, reason: 'CORRUPT', message: 'HEIF image without size' };
    if (width * height > maxPixels) {
      return { ok: false, reason: 'TOO_MANY_PIXELS', message: `${width}x${height} exceeds ${maxPixels} pixels` };
    }
    const data = new Uint8ClampedArray(width * height * 4);
    // display() applies the container's rotation and mirroring (irot/imir), as the phone intended.
    const decoded = await new Promise((resolve) => image.display({ data, width, height }, resolve));
    if (!decoded) return { ok: false, reason: 'CORRUPT', message: 'HEVC decoding failed' };
    return { ok: true, width, height, data: data.buffer };
  } finally {
    for (const image of images) image.free();
    decoder.decoder?.delete?.();
  }
}
