import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The build machine is shared (load averages of 40 and more): waiting for the page may take seconds, not the 1 s
// default. Waits end as soon as the page is there, so a quiet machine is not slowed down.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => cleanup());
