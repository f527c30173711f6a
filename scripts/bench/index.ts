/**
 * `npm run bench [-- filter|navigation|lighthouse ...]`: the benchmarks, figures not assertions.
 *   filter      100,000 generated articles and 5,000 tags: compile time and memory, bytes and time for /?tag=a&tag=b
 *   navigation  click to headline for a prefetched and a cold related article, in Chromium
 *   lighthouse  Lighthouse 12 (mobile) on an article, the front page, a tag page and a static limit page,
 *               plus first-render JavaScript per route
 * With no names, all three run in that order (about 10 minutes on 2 cores).
 */
const BENCHMARKS = {
  filter: async () => (await import('./filter.ts')).main([]),
  navigation: async () => {
    await (await import('./navigation.ts')).main();
  },
  lighthouse: async () => {
    await (await import('./lighthouse.ts')).main();
  },
};

type Name = keyof typeof BENCHMARKS;
const asked = process.argv.slice(2).filter((arg): arg is Name => arg in BENCHMARKS);
const unknown = process.argv.slice(2).filter((arg) => !(arg in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : (Object.keys(BENCHMARKS) as Name[])) {
  console.log(`\n## ${name}\n`);
  await BENCHMARKS[name]();
}
export {};
