import def, * as ns from './a.js'; import { 'string name' as s, b as c } from "./b.js" with { type: "json" };
export { s as 'other name', c }; export default class {} export * as all from './c.js'; export const [p, q] = [1, 2];
import defer * as lazy from './d.js'; await 1; import.meta.url; export { default as d2 } from './e.js';
