// BigInt: literals, operators (arithmetic, bitwise on negatives, shifts,
// comparisons and equality with Numbers and Strings), conversions, the
// BigInt builtins, errors; and Number.prototype.toExponential/toPrecision.
print(1n + 2n, 2n ** 64n, -7n / 2n, -7n % 2n, 7n >> 1n, -7n >> 1n, 1n << 70n, ~5n, -(-3n), 5n & -2n, -5n | 3n, 6n ^ -1n);
print(typeof 1n, 0n ? "t" : "f", 1n == 1, 1n === 1, 2n > 1, "10" == 10n, 10n < "11", 1n < 1.5, BigInt(2**60), BigInt("0x1f"), BigInt("  -12  "));
print(String(123456789012345678901234567890n), (255n).toString(16), (-255n).toString(2), BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), BigInt.asIntN(64, 2n**63n));
let x = 10n; x++; x += 5n; print(x, Number(2n**53n + 1n), Number(-(2n**70n)), 0n == -0, Object(3n) + 1n, JSON.stringify({a: 1}), [1n, 2n].includes(2n), new Map([[1n, "a"]]).get(1n));
try { 1n + 1 } catch (e) { print(e.name, e.message) }
try { 1n / 0n } catch (e) { print(e.name, e.message) }
try { BigInt(1.5) } catch (e) { print(e.name) }
try { BigInt("1.5") } catch (e) { print(e.name) }
try { +1n } catch (e) { print(e.name) }
try { 1n >>> 0n } catch (e) { print(e.name) }
try { JSON.stringify(1n) } catch (e) { print(e.name) }
print({1n: "k"}[1], 2n ** 100n % 1000000007n, BigInt(Number.MAX_SAFE_INTEGER) * 3n);
print((123.456).toExponential(), (123.456).toExponential(2), (0).toExponential(), (-1.5e-7).toExponential(3), (1e21).toExponential(1));
print((123.456).toPrecision(4), (0.000123).toPrecision(2), (123456789).toPrecision(3), (1.5).toPrecision(1), (-0).toPrecision(3), (25).toPrecision(1));
// Sizes past the limit are RangeErrors, not runaway computations.
try { (2n ** 31n) ** (2n ** 62n) } catch (e) { print(e.name) }
try { 1n << (2n ** 40n) } catch (e) { print(e.name) }
print(BigInt.asIntN(2 ** 53 - 1, -5n), BigInt.asIntN(64, -(2n ** 63n)), BigInt.asUintN(2 ** 53 - 1, 5n));
