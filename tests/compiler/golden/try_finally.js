function f(o) {
  try {
    return o.x;
  } catch (e) {
    return e;
  } finally {
    o.done = true;
  }
}
