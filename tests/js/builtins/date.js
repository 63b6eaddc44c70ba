// Date: time arithmetic, parsing, formatting, setters' argument order.
const d = new Date(Date.UTC(2020, 1, 29, 13, 45, 30, 123));
assertEq(d.getUTCFullYear(), 2020);
assertEq(d.getUTCMonth(), 1);
assertEq(d.getUTCDate(), 29);
assertEq(d.getUTCDay(), 6);
assertEq(d.toISOString(), '2020-02-29T13:45:30.123Z');
assertEq(d.toUTCString(), 'Sat, 29 Feb 2020 13:45:30 GMT');
assertEq(JSON.stringify({ d }), '{"d":"2020-02-29T13:45:30.123Z"}');
assertEq(Date.parse('2000-01-01'), 946684800000);
assertEq(Date.parse('2000-01-01T00:00:00.000Z'), 946684800000);
assertEq(Date.parse('2000-01-01T01:00:00+01:00'), 946684800000);
assertEq(Date.parse('+010000-01-01T00:00:00Z'), 253402300800000);
assertEq(Number.isNaN(Date.parse('2000-13-01')), true);
assertEq(Number.isNaN(Date.parse('-000000-01-01T00:00:00Z')), true);
// toString/toUTCString output parses back (to the second).
const now = new Date();
assertEq(Date.parse(now.toString()), Math.floor(now.getTime() / 1000) * 1000);
assertEq(Date.parse(now.toUTCString()), Math.floor(now.getTime() / 1000) * 1000);
// Local fields round-trip.
const local = new Date(2021, 5, 15, 10, 20, 30, 400);
assertEq([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(),
          local.getSeconds(), local.getMilliseconds()].join(), '2021,5,15,10,20,30,400');
// Two-digit years mean 19xx; the time value range is +-8.64e15.
assertEq(new Date(99, 0).getFullYear(), 1999);
assertEq(new Date(8.64e15).getTime(), 8.64e15);
assertEq(Number.isNaN(new Date(8.64e15 + 1).getTime()), true);
assertEq(String(new Date(NaN)), 'Invalid Date');
assertThrows(RangeError, () => new Date(NaN).toISOString());
// Setters overflow into the next fields and return the new time value.
const s = new Date(0);
assertEq(s.setUTCHours(25), 90000000);
assertEq(s.toISOString(), '1970-01-02T01:00:00.000Z');
assertEq(s.setUTCMonth(12), Date.UTC(1971, 0, 2, 1));
// The date value is read before the arguments are converted (ES2024; node 20
// still re-reads it and answers NaN).
const t = new Date(0);
const r = t.setUTCMilliseconds({ valueOf() { t.setTime(NaN); return 5; } });
assertEq(r, 5);
// Conversions: objects go through ToPrimitive; Date + '' is a string.
assertEq(new Date({ valueOf() { return 7; } }).getTime(), 7);
assertEq(new Date({ toString() { return '1970-01-01T00:00:00.010Z'; }, valueOf: undefined }).getTime(), 10);
assertEq(typeof (d + 1), 'string');
assertEq(d - 0, d.getTime());
assertEq(d[Symbol.toPrimitive]('number'), d.getTime());
assertThrows(TypeError, () => d[Symbol.toPrimitive]('bogus'));
assertEq(typeof Date(), 'string');
assertThrows(TypeError, () => Date.prototype.getTime.call({}));
assertEq(new Date(2000, 0, 1).getYear(), 100);
print('date ok');
