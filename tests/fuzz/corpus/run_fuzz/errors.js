try { null.x; } catch (e) { print(e instanceof TypeError, e.message); }
function rec(n) { return rec(n + 1); } try { rec(0); } catch (e) { print(e.name); }
try { new Array(-1); } catch (e) { print(e.name); } try { 'a'.repeat(2 ** 40); } catch (e) { print(e.name); }
