// `npm run demo`: runs the reference programs that exist so far, in order.
import { main as prngWalkthrough } from './prng-walkthrough.ts';
import { main as basics } from './basics.ts';

console.log('=== PRNG walkthrough (DESIGN.md 9.10) ===');
await prngWalkthrough();

console.log('\n=== Distribution basics (DESIGN.md 9.2) ===');
await basics();
