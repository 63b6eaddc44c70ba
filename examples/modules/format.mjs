export function number(x) { return x.toFixed(3); }
export const label = (name) => name[0].toUpperCase() + name.slice(1);
