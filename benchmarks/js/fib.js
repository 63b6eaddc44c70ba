// fib(30): calls and integer arithmetic.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
const r = fib(30);
if (r !== 832040) throw new Error('wrong result ' + r);
print('fib(30) = ' + r);
