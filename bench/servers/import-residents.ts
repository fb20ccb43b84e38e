/**
 * Runs one resident import in a process of its own (so its peak memory is its own) and prints the
 * outcome as JSON: seconds, peak RSS and the import report's counts.
 */
import { importResidentsFile } from '../../src/cli/commands/import-residents.ts';
import { openDatabase } from '../../src/server/db/database.ts';

const [url, file] = process.argv.slice(2) as [string, string];
const database = openDatabase(url);
const started = performance.now();
const report = await importResidentsFile(database, file);
const seconds = (performance.now() - started) / 1000;
await database.close();
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, imported: report.imported, updated: report.updated, rejected: report.rejected.length, firstRejections: report.rejected.slice(0, 3) }));
