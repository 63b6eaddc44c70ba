const a = [3, 1, 2].sort((x, y) => x - y); const o = { a, s: 'x'.repeat(3), n: 1 / 3 };
print(JSON.stringify(o), a.map(String).join('-'), Object.keys(o), typeof Symbol(), 2n ** 70n);
