/* A host class and the time-sharing runner from C (api/ratchet_c.h).

   `Account` is a C struct the sandbox uses as a class — and subclasses;
   its finalizer frees the struct once the sandbox drops an account. A Map
   the script builds is read from C. Then two scripts share the host's own
   event loop in slices of 5,000 instructions: one finishes, the other
   never would and is stopped by its 100 ms time limit, while the host's
   own work keeps running between slices.
     bazel-bin/examples/host_class_c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/ratchet_c.h"

/* ---- The host class ---- */

typedef struct {
  char owner[32];
  double balance;
} Account;

static const char kAccountTag = 0; /* its address tells Account objects apart */
static int accounts_freed = 0;

static void free_account(void* data) {
  ++accounts_freed;
  free(data);
}

/* new Account(owner, balance) */
static void account_new(void* opaque, RatchetValueCall* call) {
  (void)opaque;
  Account* a = calloc(1, sizeof(Account));
  RatchetValue* owner = ratchet_vcall_arg(call, 0);
  RatchetValue* balance = ratchet_vcall_arg(call, 1);
  char* name = ratchet_value_to_string(owner);
  snprintf(a->owner, sizeof a->owner, "%s", name);
  a->balance = ratchet_value_number(balance);
  ratchet_free(name);
  ratchet_value_free(owner);
  ratchet_value_free(balance);
  /* The instance's prototype is new.target's: subclasses work. NULL when
     called without new. */
  RatchetValue* self = ratchet_vcall_new_host_object(call, &kAccountTag, a, free_account);
  if (self == NULL) {
    free(a);
    ratchet_vcall_throw(call, "TypeError", "Account needs new");
    return;
  }
  ratchet_vcall_return(call, self);
  ratchet_value_free(self);
}

static Account* this_account(RatchetValueCall* call) {
  RatchetValue* self = ratchet_vcall_this(call);
  Account* a = ratchet_value_host_data(self, &kAccountTag);
  ratchet_value_free(self);
  if (a == NULL) ratchet_vcall_throw(call, "TypeError", "not an Account");
  return a;
}

static void return_number(RatchetValueCall* call, double d) {
  RatchetValue* v = ratchet_value_new_number(d);
  ratchet_vcall_return(call, v);
  ratchet_value_free(v);
}

/* account.deposit(amount) / account.withdraw(amount) -> the new balance */
static void account_move(void* opaque, RatchetValueCall* call) {
  double sign = *(const double*)opaque;
  Account* a = this_account(call);
  if (a == NULL) return;
  RatchetValue* amount = ratchet_vcall_arg(call, 0);
  double d = sign * ratchet_value_number(amount);
  ratchet_value_free(amount);
  if (a->balance + d < 0) {
    ratchet_vcall_throw(call, "RangeError", "insufficient funds");
    return;
  }
  a->balance += d;
  return_number(call, a->balance);
}

static void account_balance(void* opaque, RatchetValueCall* call) {
  (void)opaque;
  Account* a = this_account(call);
  if (a != NULL) return_number(call, a->balance);
}

static void define_method(RatchetRealm* realm, RatchetValue* proto, const char* name, RatchetValueFunction fn,
                          const void* opaque) {
  RatchetValue* f = ratchet_realm_new_function(realm, name, fn, (void*)opaque, 1);
  ratchet_value_define(proto, name, f, RATCHET_PROPERTY_WRITABLE | RATCHET_PROPERTY_CONFIGURABLE);
  ratchet_value_free(f);
}

static void install_account(RatchetRealm* realm) {
  static const double kDeposit = 1, kWithdraw = -1;
  RatchetValue* account = ratchet_realm_new_class(realm, "Account", account_new, NULL, 2, NULL);
  RatchetValue* proto = NULL;
  ratchet_value_get(account, "prototype", &proto);
  define_method(realm, proto, "deposit", account_move, &kDeposit);
  define_method(realm, proto, "withdraw", account_move, &kWithdraw);
  define_method(realm, proto, "balance", account_balance, NULL);
  RatchetValue* global = ratchet_realm_global(realm);
  ratchet_value_set(global, "Account", account);
  ratchet_value_free(global);
  ratchet_value_free(proto);
  ratchet_value_free(account);
}

static void run(RatchetRealm* realm, const char* source) {
  RatchetCompletion* c = ratchet_eval_script_sync(realm, source, strlen(source), "bank.js", 1000000, 0);
  printf("%s\n", ratchet_completion_describe(c));
  ratchet_completion_free(c);
}

/* ---- A tiny event loop: posted works (and the host's ticks) by due time ---- */

typedef struct {
  RatchetWork* work; /* or, when NULL, a host tick */
  double due;
} Item;
static Item queue[64];
static int queued = 0;

static double now_ms(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void post(void* opaque, RatchetWork* work, uint64_t delay_ms) {
  (void)opaque;
  if (queued == 64) {
    ratchet_work_free(work);
    return;
  }
  queue[queued].work = work;
  queue[queued].due = now_ms() + (double)delay_ms;
  ++queued;
}

static int finished = 0;
/* Keeps a script's completion, described, in `opaque` (a char[128]). */
static void on_done(void* opaque, RatchetCompletion* c) {
  snprintf(opaque, 128, "%s", ratchet_completion_describe(c));
  ratchet_completion_free(c);
  ++finished;
}

int main(void) {
  RatchetRuntime* rt = ratchet_runtime_new();
  ratchet_runtime_set_memory_limit(rt, 32u << 20);
  RatchetRealm* realm = ratchet_realm_new(rt);
  if (realm == NULL) return 1;
  install_account(realm);

  run(realm, "var ada = new Account('ada', 100); 'deposit 50 -> ' + ada.deposit(50)");
  run(realm,
      "class Savings extends Account { addInterest() { return this.deposit(this.balance() / 10); } }"
      "var bob = new Savings('bob', 150); 'savings with interest: ' + bob.addInterest()");
  run(realm, "ada.withdraw(1000)");
  run(realm, "Account('eve', 1)");

  /* A Map the script builds, read from C (no JavaScript runs). */
  const char* accounts = "new Map([[ada, 'checking'], [bob, 'savings']])";
  RatchetCompletion* c = ratchet_eval_script_sync(realm, accounts, strlen(accounts), "bank.js", 1000000, 0);
  RatchetValue* map = ratchet_completion_value_handle(c);
  ratchet_completion_free(c);
  RatchetValue** keys = NULL;
  RatchetValue** values = NULL;
  size_t count = 0;
  if (ratchet_map_entries(map, &keys, &values, &count) == RATCHET_NORMAL) {
    for (size_t i = 0; i < count; ++i) {
      Account* a = ratchet_value_host_data(keys[i], &kAccountTag);
      char* kind = ratchet_value_to_string(values[i]);
      printf("%s: %s, %.2f\n", a != NULL ? a->owner : "?", kind, a != NULL ? a->balance : 0.0);
      ratchet_free(kind);
    }
  }
  ratchet_values_free(keys, count);
  ratchet_values_free(values, count);
  ratchet_value_free(map);
  run(realm, "ada = bob = null; 'dropped'");
  ratchet_runtime_run_gc(rt);
  printf("accounts freed by their finalizer: %d\n", accounts_freed);

  /* Two scripts on the host's loop, in slices; the second with a time limit. */
  RatchetTimeSharing sharing = {5000, 0, 0, 0};
  RatchetTimeSharing limited = {5000, 0, 100, 0};
  char result[2][128] = {"", ""};
  const char* sum = "let s = 0; for (let i = 1; i <= 1000000; i++) s += i; 'sum: ' + s";
  const char* spin = "for (;;) {}";
  RatchetTask* t1 = ratchet_eval_script_async(realm, sum, strlen(sum), "sum.js", &sharing, post, NULL, on_done, result[0]);
  RatchetTask* t2 =
      ratchet_eval_script_async(realm, spin, strlen(spin), "spin.js", &limited, post, NULL, on_done, result[1]);
  int host_ticks = 0;
  double next_tick = now_ms() + 5;
  while (queued > 0) {
    if (now_ms() >= next_tick) { /* the host's own work */
      ++host_ticks;
      next_tick += 5;
    }
    int next = 0;
    for (int i = 1; i < queued; ++i) {
      if (queue[i].due < queue[next].due) next = i;
    }
    if (queue[next].due > now_ms()) continue;
    RatchetWork* w = queue[next].work;
    queue[next] = queue[--queued];
    ratchet_work_run(w);
    ratchet_work_free(w);
  }
  printf("%s\n%s\n", result[0], result[1]);
  printf("finished: %d of 2; the host ran between slices: %s\n", finished, host_ticks > 5 ? "yes" : "no");
  ratchet_task_free(t1);
  ratchet_task_free(t2);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  return 0;
}
