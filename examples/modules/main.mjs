// A three-module program: ./ratchet examples/modules/main.mjs
// main imports a class and a live counter from shapes.mjs, which imports
// its formatting helpers from format.mjs; the last line loads format.mjs
// again through import() and awaits it at the top level.
import { Circle, Square, created } from './shapes.mjs';
import * as format from './format.mjs';

const shapes = [new Circle(1), new Square(2), new Circle(0.5)];
for (const s of shapes) print(s.describe());
print(`shapes created: ${created}`);  // a live binding: shapes.mjs counts

const total = shapes.reduce((sum, s) => sum + s.area(), 0);
print(`total area: ${format.number(total)}`);

const again = await import('./format.mjs');
print(`import() gives the same namespace: ${again === format}`);
print(`this module: ${import.meta.url}`);
