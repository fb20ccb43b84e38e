/** Great-circle distance in metres between two [lng, lat] points (haversine; plenty for a few hundred metres). */
export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const R = 6_371_008.8;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Degrees of latitude and longitude spanning `metres` around a latitude (a search box). */
export function degreesAround(lat: number, metres: number): { dLat: number; dLng: number } {
  const dLat = metres / 111_320;
  return { dLat, dLng: metres / (111_320 * Math.max(0.01, Math.cos((lat * Math.PI) / 180))) };
}
