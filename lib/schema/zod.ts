import { z } from 'zod';

// Extension pages forbid eval; zod 4 would otherwise probe for it with Function('').
z.config({ jitless: true });

export { z };
