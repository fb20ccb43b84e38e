// A node:test reporter that writes one JSON line of counts for the file it reports on; scripts/test.mjs
// runs each test file with it (beside the spec reporter) to add up the whole suite.
export default async function* summary(source) {
  const counts = { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // A describe() block is reported as a test of its own; only the tests inside it count.
    if (event.data.details?.type === 'suite') continue;
    counts.tests++;
    if (event.data.skip) counts.skipped++;
    else if (event.data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.pass++;
    else counts.fail++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
