import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// The first render of a page loads its lazy chunks and validators; on a shared 2-core machine under load that can
// take longer than Testing Library's default 1 s wait. What is awaited must still appear; it may take up to 5 s.
configure({ asyncUtilTimeout: 5_000 });
