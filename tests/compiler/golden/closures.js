function counter() {
  let count = 0;
  return () => ++count;
}
for (let i = 0; i < 2; i++) {
  setTimeout(() => i);
}
