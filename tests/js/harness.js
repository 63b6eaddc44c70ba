// Prepended to every JS test. Failing assertions throw.
function assertEq(actual, expected, message) {
  const same = actual === expected ? (actual !== 0 || 1 / actual === 1 / expected)
                                   : (actual !== actual && expected !== expected);
  if (!same) {
    throw new Error((message ? message + ': ' : '') + 'expected ' + String(expected) + ' but got ' + String(actual));
  }
}
function assertTrue(v, message) { assertEq(v, true, message); }
function assertThrows(ctor, fn, message) {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ctor)) throw new Error((message || '') + ' threw the wrong error: ' + e);
    return;
  }
  throw new Error((message || '') + ' did not throw');
}
function assertArrayEq(actual, expected, message) {
  assertEq(actual.length, expected.length, (message || '') + ' (length)');
  for (let i = 0; i < expected.length; i++) assertEq(actual[i], expected[i], (message || '') + ' [' + i + ']');
}
