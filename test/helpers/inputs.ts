/**
 * CreateReportInput values for tests. `script` rides in building.name, where the scripted fixture worker
 * (test/fixtures/workers/scripted.ts) reads what to do: `spin:<ms>`, `throw:<message>`, `exit:<code>`.
 */
import type { CreateReportInput } from '../../src/clients/generated/graphql.js';

export function reportInput(script = 'ok', overrides: Partial<CreateReportInput> = {}): CreateReportInput {
  return {
    location: { latitude: 37.5665, longitude: 126.978 },
    building: { name: script },
    asset: { value: 1_000_000_000 },
    params: { includeNarrative: false },
    language: 'EN',
    ...overrides,
  };
}
