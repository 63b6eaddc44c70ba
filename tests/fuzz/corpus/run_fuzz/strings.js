const s = 'Grüße, 世界 😀'; print(s.length, [...s].length, s.normalize('NFD').length, s.toUpperCase(), s.at(-1), s.codePointAt(11).toString(16));
print('a-b-c'.split('-', 2), 'abc'.padStart(6, '12'), 'x'.localeCompare('y'), encodeURIComponent(s), (1234.5678).toFixed(2), (255).toString(36), parseFloat('1e-7'));
