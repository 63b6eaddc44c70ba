/* The C API's value handles beyond the basics, compiled as C: arrays,
   keys, defined and deleted properties, errors, promises, bytes, Maps and
   Sets, host objects and host classes with finalizers, the global this,
   host data as read-only views and copies,
   and misuse (NULL handles, wrong tags, other realms, dead realms) giving
   clean errors. The time-sharing runner: tests/c_api/c_runner_test.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/ratchet_c.h"
#include "tests/c_api/check.h"

static RatchetCompletion* eval(RatchetRealm* realm, const char* src) {
  return ratchet_eval_script_sync(realm, src, strlen(src), "values.js", 10000000, 0);
}

/* The completion value of `src` as a string (valid until the next call
   or free_last). */
static RatchetCompletion* last = NULL;
static void free_last(void) {
  if (last != NULL) ratchet_completion_free(last);
  last = NULL;
}
static const char* eval_string(RatchetRealm* realm, const char* src) {
  free_last();
  last = eval(realm, src);
  if (ratchet_completion_kind(last) != RATCHET_NORMAL) {
    fprintf(stderr, "%s\n  %s\n", src, ratchet_completion_describe(last));
    return "<error>";
  }
  return ratchet_completion_value(last);
}

static RatchetValue* eval_value(RatchetRealm* realm, const char* src) {
  RatchetCompletion* c = eval(realm, src);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  RatchetValue* v = ratchet_completion_value_handle(c);
  ratchet_completion_free(c);
  return v;
}

static void set_global(RatchetRealm* realm, const char* name, const RatchetValue* v) {
  RatchetValue* global = ratchet_realm_global(realm);
  CHECK(ratchet_value_set(global, name, v) == RATCHET_NORMAL);
  ratchet_value_free(global);
}

/* Checks a value's dump and frees the value. */
static void check_dump(RatchetValue* v, const char* expected) {
  char* text = ratchet_value_dump(v);
  if (strcmp(text, expected) != 0) fprintf(stderr, "dump: %s\nexpected: %s\n", text, expected);
  CHECK_STR(text, expected);
  ratchet_free(text);
  ratchet_value_free(v);
}

static void test_arrays_and_properties(RatchetRealm* realm) {
  RatchetValue* elements[3];
  elements[0] = ratchet_value_new_number(1);
  elements[1] = ratchet_realm_new_string(realm, "two", 3);
  elements[2] = NULL; /* reads as undefined */
  RatchetValue* arr = ratchet_realm_new_array(realm, 3, (const RatchetValue* const*)elements);
  CHECK(arr != NULL && ratchet_value_is_array(arr));
  uint64_t length = 0;
  CHECK(ratchet_value_length(arr, &length) == RATCHET_NORMAL && length == 3);
  RatchetValue* second = NULL;
  CHECK(ratchet_value_get_index(arr, 1, &second) == RATCHET_NORMAL);
  CHECK(ratchet_value_strict_equals(second, elements[1]));
  ratchet_value_free(second);
  CHECK(ratchet_value_set_index(arr, 5, elements[0]) == RATCHET_NORMAL);
  CHECK(ratchet_value_length(arr, &length) == RATCHET_NORMAL && length == 6);
  CHECK(ratchet_value_get_index(arr, 4, NULL) == RATCHET_NORMAL); /* a NULL out-pointer drops the result */
  check_dump(ratchet_value_dup(arr), "[1, \"two\", undefined, 1]"); /* (holes are not shown) */
  set_global(realm, "hostArray", arr);
  CHECK_STR(eval_string(realm, "hostArray.length + ':' + hostArray[1] + ':' + (4 in hostArray)"), "6:two:false");
  ratchet_value_free(arr);
  for (int i = 0; i < 3; ++i) ratchet_value_free(elements[i]);
  RatchetValue* empty = ratchet_realm_new_array(realm, 0, NULL);
  CHECK(ratchet_value_length(empty, &length) == RATCHET_NORMAL && length == 0);
  ratchet_value_free(empty);

  /* Keys, define, delete. */
  RatchetValue* obj = eval_value(realm, "({b: 1, a: 2, [Symbol('s')]: 3, 7: 'seven'})");
  RatchetValue* flag = ratchet_value_new_boolean(1);
  CHECK(ratchet_value_define(obj, "hidden", flag, RATCHET_PROPERTY_WRITABLE) == RATCHET_NORMAL);
  CHECK(ratchet_value_define(obj, "shown", flag, RATCHET_PROPERTY_DEFAULT) == RATCHET_NORMAL);
  char** keys = NULL;
  size_t count = 0;
  CHECK(ratchet_value_keys(obj, &keys, &count) == RATCHET_NORMAL);
  CHECK(count == 4);
  if (count == 4) {
    CHECK_STR(keys[0], "7");
    CHECK_STR(keys[1], "b");
    CHECK_STR(keys[2], "a");
    CHECK_STR(keys[3], "shown");
  }
  ratchet_strings_free(keys, count);
  CHECK(ratchet_value_keys(obj, NULL, &count) == RATCHET_NORMAL && count == 4);
  /* hidden: writable, not configurable. */
  CHECK(ratchet_value_set(obj, "hidden", elements[0] = ratchet_value_new_number(5)) == RATCHET_NORMAL);
  ratchet_value_free(elements[0]);
  int deleted = -1;
  CHECK(ratchet_value_delete(obj, "hidden", &deleted) == RATCHET_NORMAL && deleted == 0);
  CHECK(ratchet_value_delete(obj, "b", &deleted) == RATCHET_NORMAL && deleted == 1);
  CHECK(ratchet_value_delete(obj, "never there", &deleted) == RATCHET_NORMAL && deleted == 1);
  CHECK(ratchet_value_define(obj, "hidden", flag, RATCHET_PROPERTY_DEFAULT) == RATCHET_JS_EXCEPTION);
  RatchetValue* locked = eval_value(realm, "Object.freeze({x: 1})");
  CHECK(ratchet_value_set(locked, "x", flag) == RATCHET_JS_EXCEPTION);
  CHECK(ratchet_value_define(locked, "y", flag, 0) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(locked);
  check_dump(ratchet_value_dup(obj), "{\"7\": \"seven\", \"a\": 2, \"shown\": true}");
  ratchet_value_free(obj);
  ratchet_value_free(flag);

  /* Nothing runs: proxies and getters. */
  RatchetValue* proxy = eval_value(realm, "var trapped = 0; new Proxy({}, {ownKeys() { trapped++; return []; }})");
  CHECK(ratchet_value_keys(proxy, &keys, &count) == RATCHET_WOULD_RUN_CODE);
  CHECK(ratchet_value_define(proxy, "x", NULL, RATCHET_PROPERTY_DEFAULT) == RATCHET_WOULD_RUN_CODE);
  CHECK(ratchet_value_delete(proxy, "x", &deleted) == RATCHET_WOULD_RUN_CODE);
  CHECK(ratchet_value_length(proxy, &length) == RATCHET_WOULD_RUN_CODE);
  ratchet_value_free(proxy);
  RatchetValue* getter = eval_value(realm, "({get length() { trapped++; return 1; }})");
  CHECK(ratchet_value_length(getter, &length) == RATCHET_WOULD_RUN_CODE);
  ratchet_value_free(getter);
  CHECK_STR(eval_string(realm, "trapped"), "0");
  RatchetValue* odd = eval_value(realm, "({length: 'three'})");
  CHECK(ratchet_value_length(odd, &length) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(odd);
  RatchetValue* text = ratchet_realm_new_string(realm, "abcd", 4);
  CHECK(ratchet_value_length(text, &length) == RATCHET_NORMAL && length == 4);
  ratchet_value_free(text);

  /* Errors, symbols, BigInts, strings with NULs. */
  RatchetValue* err = ratchet_realm_new_error(realm, "RangeError", "too far");
  CHECK(err != NULL && ratchet_value_is_error(err));
  set_global(realm, "hostError", err);
  CHECK_STR(eval_string(realm, "hostError instanceof RangeError && hostError.message"), "too far");
  ratchet_value_free(err);
  CHECK(ratchet_realm_new_error(realm, "NoSuchError", "x") == NULL);
  RatchetValue* sym = ratchet_realm_new_symbol(realm, "tag");
  CHECK(ratchet_value_type(sym) == RATCHET_SYMBOL);
  char* s = ratchet_value_to_string(sym);
  CHECK_STR(s, "Symbol(tag)");
  ratchet_free(s);
  ratchet_value_free(sym);
  RatchetValue* big = ratchet_realm_new_bigint(realm, "-123456789012345678901234567890");
  CHECK(ratchet_value_type(big) == RATCHET_BIGINT);
  set_global(realm, "big", big);
  CHECK_STR(eval_string(realm, "String(big * 2n)"), "-246913578024691357802469135780");
  ratchet_value_free(big);
  CHECK(ratchet_realm_new_bigint(realm, "12x") == NULL);
  CHECK(ratchet_realm_new_bigint(realm, NULL) == NULL);
  RatchetValue* nul = ratchet_realm_new_string(realm, "a\0b", 3);
  size_t nul_length = 0;
  s = ratchet_value_string(nul, &nul_length);
  CHECK(s != NULL && nul_length == 3 && s[0] == 'a' && s[1] == '\0' && s[2] == 'b');
  ratchet_free(s);
  CHECK(ratchet_value_string(flag = ratchet_value_new_number(1), &nul_length) == NULL);
  ratchet_value_free(flag);
  ratchet_value_free(nul);

  /* NULL handles read as undefined; a NULL realm makes nothing. */
  CHECK(ratchet_value_type(NULL) == RATCHET_UNDEFINED);
  CHECK(ratchet_value_get_index(NULL, 0, &second) == RATCHET_JS_EXCEPTION);
  CHECK(ratchet_value_keys(NULL, &keys, &count) == RATCHET_JS_EXCEPTION);
  CHECK(ratchet_value_define(NULL, "x", NULL, 0) == RATCHET_JS_EXCEPTION);
  CHECK(ratchet_value_length(NULL, &length) == RATCHET_JS_EXCEPTION);
  CHECK(ratchet_value_alive(NULL));
  CHECK(ratchet_value_strict_equals(NULL, NULL));
  CHECK(ratchet_realm_new_array(NULL, 0, NULL) == NULL);
  CHECK(ratchet_realm_new_map(NULL) == NULL);
  CHECK(ratchet_realm_new_error(NULL, "Error", "x") == NULL);
  CHECK(ratchet_realm_new_host_object(NULL, NULL, NULL, NULL, NULL) == NULL);
  CHECK(ratchet_realm_new_class(NULL, "X", NULL, NULL, 0, NULL) == NULL);
  CHECK(ratchet_realm_new_class(realm, "X", NULL, NULL, 0, NULL) == NULL);
  CHECK(ratchet_realm_global_this(NULL) == NULL);
}

static void test_promises(RatchetRealm* realm) {
  RatchetValue* resolve = NULL;
  RatchetValue* reject = NULL;
  RatchetValue* promise = ratchet_realm_new_promise(realm, &resolve, &reject);
  CHECK(promise != NULL && ratchet_value_is_promise(promise));
  set_global(realm, "hostPromise", promise);
  CHECK_STR(eval_string(realm, "var got = 'none'; hostPromise.then((v) => { got = v; }); got"), "none");
  RatchetPromiseState state = RATCHET_PROMISE_REJECTED;
  CHECK(ratchet_value_promise_state(promise, &state) == RATCHET_NORMAL && state == RATCHET_PROMISE_PENDING);
  RatchetValue* result = NULL;
  CHECK(ratchet_value_promise_result(promise, &result) == RATCHET_NORMAL);
  CHECK(ratchet_value_type(result) == RATCHET_UNDEFINED);
  ratchet_value_free(result);
  RatchetValue* seven = ratchet_value_new_number(7);
  RatchetCompletion* c = ratchet_realm_call_sync(realm, resolve, NULL, 1, (const RatchetValue* const*)&seven, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK(ratchet_value_promise_state(promise, &state) == RATCHET_NORMAL && state == RATCHET_PROMISE_FULFILLED);
  CHECK(ratchet_value_promise_result(promise, &result) == RATCHET_NORMAL && ratchet_value_number(result) == 7);
  ratchet_value_free(result);
  CHECK_STR(eval_string(realm, "got"), "7");
  /* A second settlement does nothing. */
  c = ratchet_realm_call_sync(realm, reject, NULL, 1, (const RatchetValue* const*)&seven, 0, 0);
  ratchet_completion_free(c);
  CHECK(ratchet_value_promise_state(promise, &state) == RATCHET_NORMAL && state == RATCHET_PROMISE_FULFILLED);
  ratchet_value_free(seven);
  ratchet_value_free(promise);
  ratchet_value_free(resolve);
  ratchet_value_free(reject);
  /* Only the promise wanted. */
  promise = ratchet_realm_new_promise(realm, NULL, NULL);
  CHECK(promise != NULL);
  ratchet_value_free(promise);
  RatchetValue* rejected = eval_value(realm, "var r = Promise.reject(new TypeError('no')); r.catch(() => {}); r");
  CHECK(ratchet_value_promise_state(rejected, &state) == RATCHET_NORMAL && state == RATCHET_PROMISE_REJECTED);
  CHECK(ratchet_value_promise_result(rejected, &result) == RATCHET_NORMAL && ratchet_value_is_error(result));
  ratchet_value_free(result);
  ratchet_value_free(rejected);
  RatchetValue* plain = ratchet_realm_new_object(realm);
  CHECK(ratchet_value_promise_state(plain, &state) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(plain);
}

static void test_bytes(RatchetRealm* realm) {
  const uint8_t init[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  RatchetValue* buf = ratchet_realm_new_array_buffer(realm, 8, init);
  CHECK(buf != NULL && ratchet_value_is_array_buffer(buf));
  RatchetValue* view = ratchet_realm_new_typed_array(realm, RATCHET_UINT16_ARRAY, buf, 2, 2);
  CHECK(view != NULL && ratchet_value_is_typed_array(view));
  uint8_t* data = NULL;
  size_t size = 0;
  CHECK(ratchet_value_bytes(buf, &data, &size) == RATCHET_NORMAL && size == 8 && data != NULL);
  if (data == NULL) return;
  CHECK(data[7] == 8);
  data[0] = 99; /* the host writes, the sandbox sees it */
  set_global(realm, "buf", buf);
  set_global(realm, "view", view);
  CHECK_STR(eval_string(realm, "new Uint8Array(buf)[0] + ':' + view.length + ':' + view.byteOffset"), "99:2:2");
  eval_string(realm, "view[0] = 0xffff"); /* the sandbox writes, the host sees it */
  CHECK(data[2] == 0xff && data[3] == 0xff);
  uint8_t* view_data = NULL;
  CHECK(ratchet_value_bytes(view, &view_data, &size) == RATCHET_NORMAL && view_data == data + 2 && size == 4);
  uint64_t length = 0;
  /* (A typed array's length is a getter of its prototype: its bytes say it.) */
  CHECK(ratchet_value_length(view, &length) == RATCHET_WOULD_RUN_CODE);
  /* Misfit views and unknown types are refused. */
  CHECK(ratchet_realm_new_typed_array(realm, RATCHET_UINT32_ARRAY, buf, 2, 1) == NULL);
  CHECK(ratchet_realm_new_typed_array(realm, RATCHET_UINT32_ARRAY, buf, 4, 2) == NULL);
  CHECK(ratchet_realm_new_typed_array(realm, 99, buf, 0, 1) == NULL);
  CHECK(ratchet_realm_new_typed_array(realm, -1, buf, 0, 1) == NULL);
  CHECK(ratchet_realm_new_typed_array(realm, RATCHET_UINT8_ARRAY, view, 0, 1) == NULL);
  RatchetValue* big = ratchet_realm_new_typed_array(realm, RATCHET_BIGINT64_ARRAY, buf, 0, 1);
  CHECK(big != NULL);
  ratchet_value_free(big);
  /* A detached buffer has no bytes. */
  eval_string(realm, "buf.transfer()");
  CHECK(ratchet_value_bytes(buf, &data, &size) == RATCHET_NORMAL && data == NULL && size == 0);
  RatchetValue* plain = ratchet_realm_new_object(realm);
  CHECK(ratchet_value_bytes(plain, &data, &size) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(plain);
  ratchet_value_free(view);
  ratchet_value_free(buf);
  RatchetValue* zeroed = ratchet_realm_new_array_buffer(realm, 4, NULL);
  CHECK(ratchet_value_bytes(zeroed, &data, &size) == RATCHET_NORMAL && size == 4 && data[0] == 0 && data[3] == 0);
  ratchet_value_free(zeroed);
}

static void test_maps_and_sets(RatchetRealm* realm) {
  RatchetValue* m = eval_value(realm,
                               "var key = {k: 1}; var m = new Map([['a', 1], [key, [1, 2]]]);"
                               "m.delete('a'); m.set('b', 2); m");
  CHECK(ratchet_value_is_map(m) && !ratchet_value_is_set(m));
  RatchetValue** keys = NULL;
  RatchetValue** values = NULL;
  size_t count = 0;
  CHECK(ratchet_map_entries(m, &keys, &values, &count) == RATCHET_NORMAL && count == 2);
  if (count == 2) {
    RatchetValue* key = eval_value(realm, "key");
    CHECK(ratchet_value_strict_equals(keys[0], key));
    ratchet_value_free(key);
    check_dump(ratchet_value_dup(values[0]), "[1, 2]");
    check_dump(ratchet_value_dup(keys[1]), "\"b\"");
    CHECK(ratchet_value_number(values[1]) == 2);
  }
  ratchet_values_free(keys, count);
  ratchet_values_free(values, count);
  CHECK(ratchet_map_entries(m, NULL, NULL, &count) == RATCHET_NORMAL && count == 2);
  check_dump(ratchet_value_dup(m), "Map(2) {{\"k\": 1} => [1, 2], \"b\" => 2}");
  RatchetValue* b = ratchet_realm_new_string(realm, "b", 1);
  RatchetValue* got = NULL;
  CHECK(ratchet_map_get(m, b, &got) == RATCHET_NORMAL && ratchet_value_number(got) == 2);
  ratchet_value_free(got);
  CHECK(ratchet_map_get(m, NULL, &got) == RATCHET_NORMAL && ratchet_value_type(got) == RATCHET_UNDEFINED);
  ratchet_value_free(got);
  ratchet_value_free(m);

  RatchetValue* s = eval_value(realm, "var s = new Set(['x', 'y', 'z']); s.delete('y'); s.add('w'); s");
  CHECK(ratchet_value_is_set(s));
  CHECK(ratchet_set_values(s, &values, &count) == RATCHET_NORMAL && count == 3);
  if (count == 3) check_dump(ratchet_value_dup(values[2]), "\"w\"");
  ratchet_values_free(values, count);
  CHECK(ratchet_map_entries(s, &keys, &values, &count) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(s);

  /* Made and filled by the host. */
  RatchetValue* hm = ratchet_realm_new_map(realm);
  RatchetValue* hs = ratchet_realm_new_set(realm);
  RatchetValue* one = ratchet_value_new_number(1);
  CHECK(ratchet_map_set(hm, b, one) == RATCHET_NORMAL);
  CHECK(ratchet_map_set(hm, one, b) == RATCHET_NORMAL);
  CHECK(ratchet_set_add(hs, b) == RATCHET_NORMAL);
  CHECK(ratchet_set_add(hs, b) == RATCHET_NORMAL);
  CHECK(ratchet_set_add(hs, NULL) == RATCHET_NORMAL); /* undefined */
  CHECK(ratchet_set_add(hm, one) == RATCHET_JS_EXCEPTION);
  CHECK(ratchet_map_set(hs, one, one) == RATCHET_JS_EXCEPTION);
  set_global(realm, "hm", hm);
  set_global(realm, "hs", hs);
  CHECK_STR(eval_string(realm, "[hm.get('b'), hm.get(1), hm.size, hs.size, hs.has(undefined)].join()"), "1,b,2,2,true");
  check_dump(ratchet_value_dup(hs), "Set(2) {\"b\", undefined}");
  /* Another realm's objects stay out; a freed realm's collections are dead. */
  RatchetRuntime* rt = ratchet_runtime_new();
  RatchetRealm* other = ratchet_realm_new(rt);
  RatchetValue* foreign = ratchet_realm_new_object(other);
  RatchetValue* other_map = ratchet_realm_new_map(other);
  CHECK(ratchet_map_set(hm, foreign, one) == RATCHET_WRONG_OWNER);
  CHECK(ratchet_set_add(hs, foreign) == RATCHET_WRONG_OWNER);
  ratchet_realm_free(other);
  ratchet_runtime_free(rt);
  CHECK(ratchet_map_entries(other_map, &keys, &values, &count) == RATCHET_USE_AFTER_FREE);
  CHECK(ratchet_map_set(other_map, one, one) == RATCHET_USE_AFTER_FREE);
  CHECK(!ratchet_value_is_map(other_map) && !ratchet_value_alive(other_map));
  ratchet_value_free(other_map);
  ratchet_value_free(foreign);
  ratchet_value_free(one);
  ratchet_value_free(b);
  ratchet_value_free(hm);
  ratchet_value_free(hs);
}

/* ---- Host objects and a host class ---- */

static const char kCounterTag = 0;
static const char kPointTag = 0;
static int finalized = 0;
static void free_data(void* data) {
  ++finalized;
  free(data);
}

/* new Counter(start): a host object holding an int. */
static void counter_constructor(void* opaque, RatchetValueCall* call) {
  (void)opaque;
  RatchetValue* target = ratchet_vcall_new_target(call);
  int constructing = ratchet_value_type(target) != RATCHET_UNDEFINED;
  ratchet_value_free(target);
  if (!constructing) {
    ratchet_vcall_throw(call, "TypeError", "Counter needs new");
    return;
  }
  RatchetValue* start = ratchet_vcall_arg(call, 0);
  int* n = (int*)malloc(sizeof(int));
  *n = (int)ratchet_value_number(start);
  ratchet_value_free(start);
  RatchetValue* self = ratchet_vcall_new_host_object(call, &kCounterTag, n, free_data);
  if (self == NULL) {
    free(n); /* not made: the data is still ours */
    ratchet_vcall_throw(call, "TypeError", "cannot make a Counter here");
    return;
  }
  ratchet_vcall_return(call, self);
  ratchet_value_free(self);
}

static void counter_increment(void* opaque, RatchetValueCall* call) {
  (void)opaque;
  RatchetValue* self = ratchet_vcall_this(call);
  int* n = (int*)ratchet_value_host_data(self, &kCounterTag);
  ratchet_value_free(self);
  if (n == NULL) {
    ratchet_vcall_throw(call, "TypeError", "not a Counter");
    return;
  }
  RatchetValue* result = ratchet_value_new_number(++*n);
  ratchet_vcall_return(call, result);
  ratchet_value_free(result);
}

/* Throws the value it is given (a host-made error, here). */
static void rethrow(void* opaque, RatchetValueCall* call) { ratchet_vcall_throw_value(call, (RatchetValue*)opaque); }

static void test_host_class(RatchetRealm* realm, RatchetRuntime* rt) {
  finalized = 0;
  RatchetValue* counter = ratchet_realm_new_class(realm, "Counter", counter_constructor, NULL, 1, NULL);
  CHECK(counter != NULL && ratchet_value_is_function(counter));
  RatchetValue* proto = NULL;
  CHECK(ratchet_value_get(counter, "prototype", &proto) == RATCHET_NORMAL);
  RatchetValue* inc = ratchet_realm_new_function(realm, "increment", counter_increment, NULL, 0);
  CHECK(ratchet_value_define(proto, "increment", inc, RATCHET_PROPERTY_WRITABLE | RATCHET_PROPERTY_CONFIGURABLE) ==
        RATCHET_NORMAL);
  set_global(realm, "Counter", counter);
  CHECK_STR(eval_string(realm,
                        "var c = new Counter(10); c.increment();"
                        "[c.increment(), c instanceof Counter, Counter.name, Counter.length,"
                        " Counter.prototype.constructor === Counter, Object.keys(Counter.prototype).length].join()"),
            "12,true,Counter,1,true,0");
  CHECK_STR(eval_string(realm,
                        "class Loud extends Counter { shout() { return 'n=' + this.increment(); } }"
                        "var l = new Loud(1); l.shout() + ':' + (l instanceof Loud) + ':' + (l instanceof Counter)"),
            "n=2:true:true");
  /* A newTarget without a prototype object: the class's own prototype. */
  CHECK_STR(eval_string(realm, "var r = Reflect.construct(Counter, [5], function () {}.bind()); r.increment() + ':' + "
                               "(r instanceof Counter)"),
            "6:true");
  /* A newTarget whose prototype would run code: the constructor throws (and frees its data). */
  CHECK_STR(eval_string(realm, "try { Reflect.construct(Counter, [1], new Proxy(function () {}, {})) } catch (e) { "
                               "e.message }"),
            "cannot make a Counter here");
  CHECK_STR(eval_string(realm, "try { Counter(1) } catch (e) { e.name + ': ' + e.message }"), "TypeError: Counter needs new");
  CHECK_STR(eval_string(realm, "try { c.increment.call({}) } catch (e) { e.message }"), "not a Counter");
  CHECK(finalized == 0);
  /* The prototype may be given; a non-object one is refused. */
  RatchetValue* given = ratchet_realm_new_object(realm);
  RatchetValue* other_class = ratchet_realm_new_class(realm, "Other", counter_constructor, NULL, 0, given);
  RatchetValue* other_proto = NULL;
  CHECK(ratchet_value_get(other_class, "prototype", &other_proto) == RATCHET_NORMAL);
  CHECK(ratchet_value_strict_equals(other_proto, given));
  RatchetValue* number = ratchet_value_new_number(1);
  CHECK(ratchet_realm_new_class(realm, "Bad", counter_constructor, NULL, 0, number) == NULL);
  ratchet_value_free(number);
  ratchet_value_free(other_proto);
  ratchet_value_free(other_class);
  ratchet_value_free(given);

  /* Host objects made directly; tags tell kinds apart. */
  int* point = (int*)malloc(sizeof(int));
  RatchetValue* p = ratchet_realm_new_host_object(realm, &kPointTag, point, free_data, proto);
  CHECK(ratchet_value_host_data(p, &kPointTag) == point);
  CHECK(ratchet_value_host_data(p, &kCounterTag) == NULL);
  CHECK(ratchet_value_host_data(proto, &kPointTag) == NULL);
  CHECK(ratchet_value_host_data(NULL, &kPointTag) == NULL);
  RatchetValue* plain = ratchet_realm_new_host_object(realm, &kPointTag, NULL, NULL, NULL);
  CHECK(plain != NULL);
  set_global(realm, "plain", plain);
  CHECK_STR(eval_string(realm, "Object.getPrototypeOf(plain) === null"), "true");
  ratchet_value_free(plain);
  /* Refused prototypes: nothing made, the finalizer never called. */
  RatchetRuntime* rt2 = ratchet_runtime_new();
  RatchetRealm* other = ratchet_realm_new(rt2);
  RatchetValue* foreign = ratchet_realm_new_object(other);
  CHECK(ratchet_realm_new_host_object(realm, &kPointTag, NULL, free_data, foreign) == NULL);
  RatchetValue* text = ratchet_realm_new_string(realm, "x", 1);
  CHECK(ratchet_realm_new_host_object(realm, &kPointTag, NULL, free_data, text) == NULL);
  ratchet_value_free(text);
  ratchet_value_free(foreign);
  CHECK(finalized == 0);
  /* Throwing a value of the realm. */
  RatchetValue* err = ratchet_realm_new_error(realm, "URIError", "from the host");
  RatchetValue* thrower = ratchet_realm_new_function(realm, "rethrow", rethrow, err, 0);
  set_global(realm, "rethrow", thrower);
  set_global(realm, "hostErr", err);
  CHECK_STR(eval_string(realm, "try { rethrow() } catch (e) { e === hostErr && e.message }"), "from the host");
  ratchet_value_free(thrower);
  ratchet_value_free(err);

  /* Finalizers: once each, after the collection that finds the object dead. */
  for (int i = 0; i < 50; ++i) {
    RatchetValue* garbage = ratchet_realm_new_host_object(realm, &kPointTag, malloc(16), free_data, NULL);
    ratchet_value_free(garbage);
  }
  ratchet_runtime_run_gc(rt);
  CHECK(finalized == 50);
  ratchet_value_free(p); /* still held by nothing else */
  ratchet_runtime_run_gc(rt);
  CHECK(finalized == 51);
  eval_string(realm, "c = l = r = null");
  ratchet_runtime_run_gc(rt);
  CHECK(finalized == 54);
  ratchet_runtime_run_gc(rt);
  CHECK(finalized == 54);
  /* The rest run once when the runtime is finally freed (its realm keeps it). */
  RatchetValue* kept = ratchet_realm_new_host_object(other, &kPointTag, malloc(4), free_data, NULL);
  RatchetValue* global_held = ratchet_realm_new_host_object(other, &kPointTag, malloc(4), free_data, NULL);
  set_global(other, "held", global_held);
  ratchet_value_free(global_held);
  ratchet_runtime_free(rt2);
  CHECK(finalized == 54);
  ratchet_realm_free(other);
  CHECK(finalized == 56);
  CHECK(ratchet_value_host_data(kept, &kPointTag) == NULL); /* dead */
  ratchet_value_free(kept);
  CHECK(finalized == 56);
  ratchet_value_free(inc);
  ratchet_value_free(proto);
  ratchet_value_free(counter);
}

/* ---- The global this ---- */

static const char kFacadeTag = 0;

static void test_global_this(RatchetRuntime* rt) {
  RatchetRealm* realm = ratchet_realm_new(rt);
  RatchetValue* global = ratchet_realm_global(realm);
  RatchetValue* facade = ratchet_realm_new_host_object(realm, &kFacadeTag, NULL, NULL, global);
  CHECK(ratchet_realm_set_global_this(realm, facade) == RATCHET_NORMAL);
  RatchetValue* this_value = ratchet_realm_global_this(realm);
  CHECK(ratchet_value_strict_equals(this_value, facade));
  ratchet_value_free(this_value);
  CHECK_STR(eval_string(realm,
                        "var g = 1; [this === globalThis, Object.getPrototypeOf(globalThis).g,"
                        " (function () { return this; })() === globalThis, typeof Array].join()"),
            "true,1,true,function");
  CHECK(ratchet_realm_set_global_this(realm, NULL) == RATCHET_NORMAL);
  this_value = ratchet_realm_global_this(realm);
  CHECK(ratchet_value_strict_equals(this_value, global));
  ratchet_value_free(this_value);
  CHECK_STR(eval_string(realm, "this === globalThis && globalThis.g"), "1");
  RatchetValue* number = ratchet_value_new_number(1);
  CHECK(ratchet_realm_set_global_this(realm, number) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(number);
  RatchetRealm* other = ratchet_realm_new(rt);
  CHECK(ratchet_realm_set_global_this(other, facade) == RATCHET_WRONG_OWNER);
  ratchet_realm_free(other);
  CHECK(ratchet_realm_set_global_this(NULL, facade) == RATCHET_USE_AFTER_FREE);
  ratchet_value_free(facade);
  ratchet_value_free(global);
  ratchet_realm_free(realm);
}

/* Host data from JSON: a read-only view, a copy, a frozen copy; back out
   as JSON without running code. */
static void test_host_data(RatchetRealm* realm) {
  const char* json = "{\"name\": \"svc\", \"limits\": {\"cpu\": 2}, \"tags\": [\"a\", \"b\"]}";
  RatchetValue* view = NULL;
  char* error = NULL;
  CHECK(ratchet_realm_from_json(realm, json, strlen(json), RATCHET_READ_ONLY_VIEW, &view, &error) == RATCHET_NORMAL);
  CHECK(view != NULL && error == NULL);
  set_global(realm, "config", view);
  CHECK_STR(eval_string(realm, "config.limits.cpu + config.tags.join('') + Array.isArray(config.tags)"), "2abtrue");
  CHECK_STR(eval_string(realm, "try { (() => { 'use strict'; config.limits.cpu = 9; })(); 'written' } "
                               "catch (e) { e.name + ' ' + config.limits.cpu }"),
            "TypeError 2");
  CHECK_STR(eval_string(realm, "config.name = 'x'; delete config.tags; config.name + config.tags.length"), "svc2");
  RatchetValue* copy = NULL;
  CHECK(ratchet_realm_from_json(realm, json, strlen(json), RATCHET_COPY, &copy, NULL) == RATCHET_NORMAL);
  set_global(realm, "copy", copy);
  CHECK_STR(eval_string(realm, "copy.limits.cpu = 9; copy.tags.push('c'); JSON.stringify(copy)"),
            "{\"name\":\"svc\",\"limits\":{\"cpu\":9},\"tags\":[\"a\",\"b\",\"c\"]}");
  RatchetValue* frozen = NULL;
  CHECK(ratchet_realm_from_json(realm, json, strlen(json), RATCHET_FROZEN_COPY, &frozen, NULL) == RATCHET_NORMAL);
  set_global(realm, "frozen", frozen);
  CHECK_STR(eval_string(realm, "Object.isFrozen(frozen.limits) && Object.isFrozen(frozen.tags)"), "true");

  /* Out again: the view gives its data; a sandbox object its data properties. */
  char* text = NULL;
  size_t length = 0;
  CHECK(ratchet_value_to_json(view, 10, &text, &length) == RATCHET_NORMAL);
  CHECK(text != NULL && strcmp(text, "{\"name\":\"svc\",\"limits\":{\"cpu\":2},\"tags\":[\"a\",\"b\"]}") == 0);
  CHECK(text != NULL && length == strlen(text));
  ratchet_free(text);
  RatchetValue* made = eval_value(realm, "({n: 1.5, f() {}, list: [1, undefined, 'x'], nested: {ok: true}})");
  CHECK(ratchet_value_to_json(made, 10, &text, NULL) == RATCHET_NORMAL);
  CHECK(text != NULL && strcmp(text, "{\"n\":1.5,\"list\":[1,null,\"x\"],\"nested\":{\"ok\":true}}") == 0);
  ratchet_free(text);
  ratchet_value_free(made);
  RatchetValue* getter = eval_value(realm, "({get x() { return 1; }})");
  CHECK(ratchet_value_to_json(getter, 10, &text, NULL) == RATCHET_WOULD_RUN_CODE);
  CHECK(text == NULL);
  ratchet_value_free(getter);
  RatchetValue* cycle = eval_value(realm, "let cyc = {}; cyc.self = cyc; cyc");
  CHECK(ratchet_value_to_json(cycle, 10, &text, NULL) == RATCHET_JS_EXCEPTION);
  ratchet_value_free(cycle);

  /* Bad JSON says where. */
  RatchetValue* bad = NULL;
  CHECK(ratchet_realm_from_json(realm, "{\"a\": }", 7, RATCHET_READ_ONLY_VIEW, &bad, &error) == RATCHET_JS_EXCEPTION);
  CHECK(bad == NULL);
  CHECK(error != NULL && strcmp(error, "1:7: unexpected token") == 0);
  ratchet_free(error);
  ratchet_value_free(view);
  ratchet_value_free(copy);
  ratchet_value_free(frozen);
}

int main(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  test_arrays_and_properties(realm);
  test_promises(realm);
  test_bytes(realm);
  test_maps_and_sets(realm);
  test_host_class(realm, rt);
  test_global_this(rt);
  test_host_data(realm);
  free_last();
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  return CHECK_RESULT("c_values_test");
}
