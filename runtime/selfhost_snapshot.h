// The self-hosted library compiled at build time. //runtime:selfhost_snapshot
// (linked into the API and the CLI) registers the bytes the generator
// (runtime/selfhost_snapshot_gen.cc) wrote; a process without it, or with
// a snapshot of another library, parses and compiles the library when its
// first realm is created (~30 ms).
#ifndef RATCHET_RUNTIME_SELFHOST_SNAPSHOT_H_
#define RATCHET_RUNTIME_SELFHOST_SNAPSHOT_H_

#include <cstddef>
#include <string>

namespace ratchet::internal {

/// Called by the generated snapshot's static initializer (before main).
void RegisterSelfHostedSnapshot(const unsigned char* data, size_t size);
/// The library was loaded from the registered snapshot (compiles or loads
/// it first if no realm did yet).
bool SelfHostedFromSnapshot();
/// The registered snapshot's bytes ("" when none).
std::string RegisteredSelfHostedSnapshot();
/// Compiles the library from its source and returns the snapshot bytes
/// ("" with *error on failure).
std::string CompileSelfHostedSnapshot(std::string* error);

}  // namespace ratchet::internal

#endif  // RATCHET_RUNTIME_SELFHOST_SNAPSHOT_H_
