/**
 * What the first load shows while the site, the page's data and its code arrive: the shape of the
 * page (masthead, a lead story, cards) so nothing jumps when content lands. It appears only after
 * a short delay, so a fast load goes straight from blank to the page without a flash.
 */
import { useEffect, useState } from 'react';

const DELAY_MS = 300;

function Bar({ className }: { className: string }) {
  return <div className={`rounded bg-neutral-200 dark:bg-neutral-800 ${className}`} />;
}

export function PageSkeleton() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!visible) return null;
  return (
    <div aria-busy="true" aria-label="Loading" className="motion-safe:animate-pulse">
      <div className="border-b border-neutral-200 dark:border-neutral-800">
        <div className="mx-auto max-w-6xl px-4 py-5">
          <Bar className="h-8 w-64" />
        </div>
      </div>
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-6">
        <div className="grid gap-8 md:grid-cols-[3fr_2fr]">
          <Bar className="aspect-[16/9] w-full" />
          <div className="space-y-3">
            <Bar className="h-4 w-24" />
            <Bar className="h-10 w-full" />
            <Bar className="h-10 w-3/4" />
            <Bar className="h-20 w-full" />
          </div>
        </div>
        <div className="grid gap-8 md:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="space-y-2">
              <Bar className="h-6 w-5/6" />
              <Bar className="h-16 w-full" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
