// The public face of libs/demo: what other libraries, the apps, test/ and bench/ may import (#demo/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/demo import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { DEMO_DELEGATES_2025 } from './demo-delegates-2025.data.js';
export { DemoDelegatesSeeder } from './demo-delegates-seeder.service.js';
export { DEMO_EDITION_2025 } from './demo-edition-2025.data.js';
export { DEMO_OUTCOMES_2025 } from './demo-outcomes-2025.data.js';
export { DemoOutcomesSeeder } from './demo-outcomes-seeder.service.js';
export { DemoSeeder } from './demo-seeder.service.js';
export { DemoModule } from './demo.module.js';
