/** In `npm run dev`, content problems are shown on every page; a build with problems never ships. */
export function ContentProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <section
      aria-labelledby="content-problems"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 id="content-problems" className="font-semibold">
        {problems.length} content problem{problems.length === 1 ? '' : 's'}: those articles are left out until fixed
      </h2>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </section>
  );
}
