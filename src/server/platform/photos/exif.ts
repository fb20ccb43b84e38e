/**
 * The few EXIF facts a report needs: where the photo was taken, when, and which way up. They are read
 * once at intake; the stored images carry no EXIF at all (DESIGN principle 5: photos lose their location).
 */
import exifReader from 'exif-reader';
import { now } from '../clock.ts';
import { localDateTimeToInstant } from '../calendar/local-time.ts';

export interface PhotoExif {
  /** [lng, lat] in decimal degrees, WGS84 as phones record it (not GCJ-02), or null. */
  gps: [number, number] | null;
  /** DateTimeOriginal as an instant, or null when absent or implausible. */
  takenAt: Date | null;
  /** EXIF Orientation 1–8 as recorded; 1 when absent. */
  orientation: number;
}

const NO_EXIF: PhotoExif = { gps: null, takenAt: null, orientation: 1 };
// Camera clocks that were never set read 0000:00:00, 1970 or 1980; no phone photo predates 1990.
const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/**
 * Reads GPS, DateTimeOriginal and Orientation from a raw EXIF block (as sharp's metadata gives it).
 * Broken EXIF is treated as none: a resident's photo is not refused because a camera wrote bad tags.
 * `timeZone` places a DateTimeOriginal that carries no OffsetTimeOriginal (most phones in China).
 */
export function readPhotoExif(exifBlock: Buffer | undefined, timeZone: string): PhotoExif {
  if (!exifBlock || exifBlock.length === 0) return NO_EXIF;
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(exifBlock);
  } catch {
    return NO_EXIF;
  }
  const gpsInfo = tags.GPSInfo ?? {};
  const lat = dmsToDecimal(gpsInfo.GPSLatitude, gpsInfo.GPSLatitudeRef, 90);
  const lng = dmsToDecimal(gpsInfo.GPSLongitude, gpsInfo.GPSLongitudeRef, 180);
  // 0,0 ("null island") is what a phone without a fix writes, never a real report in China.
  const gps: [number, number] | null = lat === null || lng === null || (lat === 0 && lng === 0) ? null : [lng, lat];

  const photo = tags.Photo ?? {};
  const wallClock = validDate(photo.DateTimeOriginal) ?? validDate(photo.DateTimeDigitized);
  const offset = wallClock === photo.DateTimeOriginal ? photo.OffsetTimeOriginal : photo.OffsetTimeDigitized;
  const takenAt = wallClock ? plausible(toInstant(wallClock, offset, timeZone)) : null;

  const orientation = Number(tags.Image?.Orientation);
  return { gps, takenAt, orientation: Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : 1 };
}

/**
 * EXIF degrees/minutes/seconds plus a hemisphere letter → signed decimal degrees, rounded to 1e-7
 * (about 1 cm). Some writers put decimal degrees in the first rational and zeros after; that sums the same.
 * A missing reference letter counts as N/E, as most readers do. Null when absent or out of range.
 */
export function dmsToDecimal(dms: unknown, ref: unknown, max: number): number | null {
  const parts = typeof dms === 'number' ? [dms] : Array.isArray(dms) ? dms : null;
  if (!parts || parts.length === 0 || parts.length > 3) return null;
  if (!parts.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null;
  const [degrees = 0, minutes = 0, seconds = 0] = parts as number[];
  if (minutes >= 60 || seconds >= 60) return null;
  const value = degrees + minutes / 60 + seconds / 3600;
  if (value > max) return null;
  const negative = typeof ref === 'string' && /^[SW]/i.test(ref.trim());
  const rounded = Math.round(value * 1e7) / 1e7;
  return negative && rounded !== 0 ? -rounded : rounded;
}

function validDate(value: unknown): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

function plausible(instant: Date): Date | null {
  const t = instant.getTime();
  if (Number.isNaN(t) || t < EARLIEST_PLAUSIBLE || t > now().getTime() + FUTURE_TOLERANCE_MS) return null;
  return instant;
}

/**
 * exif-reader returns the EXIF wall-clock time as if it were UTC. The real instant is that wall clock
 * minus the recorded offset (EXIF 2.31 OffsetTime*), else minus the deployment zone's offset then.
 */
function toInstant(wallClock: Date, offset: unknown, timeZone: string): Date {
  const wall = wallClock.getTime();
  const recorded = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null;
  if (recorded) {
    const minutes = (Number(recorded[2]) * 60 + Number(recorded[3])) * (recorded[1] === '-' ? -1 : 1);
    return new Date(wall - minutes * 60_000);
  }
  // The wall clock in the deployment's zone (the calendar module knows zones, DST included).
  const iso = wallClock.toISOString();
  return localDateTimeToInstant(iso.slice(0, 10), iso.slice(11, 23), timeZone);
}
