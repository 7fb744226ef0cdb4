// `npm run demo`: runs the reference programs that exist so far, in order.
import { main as prngWalkthrough } from './prng-walkthrough.ts';

console.log('=== PRNG walkthrough (DESIGN.md 9.10) ===');
await prngWalkthrough();
