print('hello', 42, true, null, undefined);
console.log(`template ${1 + 1}`);
print([1, 2, 3].map(String).join(' '));
