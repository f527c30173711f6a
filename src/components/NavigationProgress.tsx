/** A slim bar at the top while a navigation takes longer than a moment; nothing for fast ones. */
import { useEffect, useState } from 'react';
import { useNavigation } from 'react-router';

const DELAY_MS = 150;

export function NavigationProgress() {
  const loading = useNavigation().state !== 'idle';
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setVisible(true), DELAY_MS);
    return () => {
      clearTimeout(timer);
      setVisible(false);
    };
  }, [loading]);

  if (!loading || !visible) return null;
  return (
    <div
      aria-hidden="true"
      data-testid="navigation-progress"
      className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden"
    >
      <div className="h-full w-1/3 animate-[progress_1.2s_ease-in-out_infinite] bg-red-700 dark:bg-red-400" />
    </div>
  );
}
