// Code: the compiled form of one function (or script), shared by all the
// closures created from it. Source: a script's text, kept for
// Function.prototype.toString and stack traces.
#ifndef RATCHET_VM_CODE_H_
#define RATCHET_VM_CODE_H_

#include <cstdint>
#include <string>

#include "vm/bytecode.h"
#include "vm/heap.h"
#include "vm/value.h"

namespace ratchet::internal {

struct String;
struct Shape;

struct Source : Cell {
  std::u16string* text;
  std::string* name;  // file name for stack traces
  Value module;       // a module's source: its module record; eval code: the
                      // caller's referrer (record or script name); else undefined
};



/// An inline cache for a named property access site (monomorphic).
struct GlobalLexical;

struct InlineCache {
  Shape* shape;    // GetNamed: the receiver's shape (string receivers: null)
  uint32_t slot;   // LdGlobal: 1 + index into the global object's dictionary
  uint32_t epoch;  // LdGlobal: the realm's lexical epoch when cached
  // LdGlobal/StGlobal: a global let/const/class binding of the realm with
  // uid `realm_uid` (a binding lives as long as its realm).
  GlobalLexical* lexical;
  uint64_t realm_uid;
  // GetNamed of a data property found on the prototype chain: `holder`
  // (the receiver's prototype, or its prototype's prototype when
  // proto_shape is set) has the property in `slot` while its shape is
  // holder_shape; receivers of class receiver_cls with `shape` (and, two
  // levels up, a kOrdinary prototype of proto_shape) do not have it.
  Object* holder;
  Shape* holder_shape;
  Shape* proto_shape;
  uint8_t receiver_cls;  // an ObjectClass, or kStringReceiver
  static constexpr uint8_t kStringReceiver = 0xff;
  // SetNamed that adds a property: an ordinary extensible receiver of
  // `shape` goes to `transition` (the value in `slot`) when its prototype
  // chain is still `holder` (shape holder_shape) then `holder2` (shape
  // proto_shape) then null — the same properties with the same attributes,
  // so still no setter or read-only property of that name on it.
  Shape* transition;
  Object* holder2;
  // GetNamed: a second receiver shape with the property in its own slot2
  // (polymorphic sites: the shape the first entry replaced).
  Shape* shape2;
  uint32_t slot2;
};


struct Code : Cell {
  static constexpr uint16_t kStrict = 1;
  static constexpr uint16_t kConstructor = 2;  // has [[Construct]]
  static constexpr uint16_t kNative = 4;       // self-hosted library code
  static constexpr uint16_t kUnmappedArguments = 8;  // strict, or non-simple parameters

  uint8_t* bytecode;
  uint32_t bytecode_size;
  uint32_t num_constants;
  Value* constants;  // numbers, strings, nested Code (as cell values)
  HandlerEntry* handlers;
  uint32_t num_handlers;
  uint32_t num_positions;
  PositionEntry* positions;
  InlineCache* ics;
  uint32_t num_ics;
  uint32_t num_registers;
  uint32_t num_params;    // formal parameters bound to registers 0..n-1
  uint32_t length;        // the function's "length"
  CodeKind code_kind;
  bool strict;
  bool is_async;
  bool is_generator;
  String* name;           // the function's name (may be null)
  Source* source;
  uint32_t source_start;  // text span for toString
  uint32_t source_end;

  /// Source position of `pc` (line 0 if unknown).
  PositionEntry PositionAt(uint32_t pc) const;
};

}  // namespace ratchet::internal

#endif  // RATCHET_VM_CODE_H_
