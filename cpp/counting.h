// Allocation counting for the C++ modules (before.cpp, after.cpp), compiled to wasm32-wasi.
//
// `operator new` / `operator delete` are replaced so that every heap allocation the C++ makes
// (make_shared, a vector's buffer, a std::function's storage, a hash set's nodes) is counted:
// mallocs, frees and live chunk bytes (the size in the dlmalloc chunk's head word, 4 bytes
// before the pointer). With tracking on, each allocation is also recorded in the kind table:
// (address, bytes asked, kind), so the page can name every chunk it finds in the heap. The
// table is instrumentation, not the engine: a static block first, then dlmalloc chunks of its
// own (kind KIND_TABLE, from malloc, not counted); it is off when the page times a step.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#define EXPORT(name) __attribute__((export_name(name)))

/** What a heap chunk holds. The page names chunks by these codes (src/core/cpp/chunkKinds.ts). */
enum ChunkKind : uint32_t {
  KIND_ENGINE = 1,    // the program's own containers: model, data, arenas, backward's lists
  KIND_VALUE = 2,     // make_shared<Value>: control block + Value in one chunk
  KIND_VECTOR = 3,    // a std::vector<ValuePtr> prev buffer
  KIND_FUNCTION = 4,  // a std::function's heap storage (a lambda too big for its buffer)
  KIND_TABLE = 5,     // this table itself, once it outgrows its static first block
};

/** One live allocation: the pointer `operator new` returned, the bytes asked, its kind. */
struct TrackEntry {
  uint32_t address;
  uint32_t size;
  uint32_t kind;
};

static double g_mallocs = 0;     // operator new calls since the start
static double g_frees = 0;       // operator delete calls (of non-null pointers)
static double g_live_bytes = 0;  // bytes of the chunks operator new returned and not yet freed
static double g_peak_live = 0;   // the most g_live_bytes has been since the last reset
static uint32_t g_kind = KIND_ENGINE;
static bool g_tracking = false;
static TrackEntry* g_table = nullptr;
static uint32_t g_table_bits = 0;  // capacity = 1 << g_table_bits
static uint32_t g_table_count = 0;

/** Sets the kind of the allocations made while it lives (instrumentation: no effect on the code). */
struct KindScope {
  uint32_t saved;
  explicit KindScope(uint32_t kind) : saved(g_kind) { g_kind = kind; }
  ~KindScope() { g_kind = saved; }
};

/**
 * The dlmalloc chunk size of an allocation: its head word (4 bytes before the pointer) without
 * the flag bits. A volatile read: the compiler may not assume what lies outside the allocation.
 */
static inline uint32_t chunk_bytes(void* p) {
  return *reinterpret_cast<volatile uint32_t*>(reinterpret_cast<uintptr_t>(p) - 4) & ~7u;
}

static inline uint32_t table_slot(uint32_t address, uint32_t bits) {
  return ((address >> 3) * 2654435761u) >> (32 - bits);
}

static void table_put(TrackEntry* table, uint32_t bits, TrackEntry entry) {
  uint32_t mask = (1u << bits) - 1;
  uint32_t i = table_slot(entry.address, bits);
  while (table[i].address != 0) i = (i + 1) & mask;
  table[i] = entry;
}

/**
 * The first table is static (in the module's data, not the heap), so a small program's heap
 * holds only its own chunks; past half full it doubles into a heap chunk that records itself.
 */
static const uint32_t kFirstTableBits = 12;
static TrackEntry g_first_table[1u << kFirstTableBits];

static void table_grow() {
  if (g_table == nullptr) {
    g_table = g_first_table;
    g_table_bits = kFirstTableBits;
    return;
  }
  uint32_t bits = g_table_bits + 1;
  size_t bytes = sizeof(TrackEntry) << bits;
  TrackEntry* table = static_cast<TrackEntry*>(calloc(size_t(1) << bits, sizeof(TrackEntry)));
  if (table == nullptr) __builtin_trap();
  for (uint32_t i = 0; i < (1u << g_table_bits); i++) {
    TrackEntry e = g_table[i];
    if (e.address != 0 && e.kind != KIND_TABLE) table_put(table, bits, e);
  }
  table_put(table, bits, {uint32_t(reinterpret_cast<uintptr_t>(table)), uint32_t(bytes), KIND_TABLE});
  if (g_table == g_first_table) {
    g_table_count++;  // the table's own entry, new
  } else {
    free(g_table);  // its entry is replaced by the new table's
  }
  g_table = table;
  g_table_bits = bits;
}

static void table_insert(void* p, size_t size, uint32_t kind) {
  if ((g_table_count + 1) * 2 > (1u << g_table_bits)) table_grow();
  table_put(g_table, g_table_bits, {uint32_t(reinterpret_cast<uintptr_t>(p)), uint32_t(size), kind});
  g_table_count++;
}

/** Removes an entry; later entries of its probe run shift back (no tombstones). */
static void table_erase(void* p) {
  uint32_t address = uint32_t(reinterpret_cast<uintptr_t>(p));
  uint32_t mask = (1u << g_table_bits) - 1;
  uint32_t i = table_slot(address, g_table_bits);
  while (g_table[i].address != address) {
    if (g_table[i].address == 0) return;
    i = (i + 1) & mask;
  }
  for (uint32_t j = (i + 1) & mask; g_table[j].address != 0; j = (j + 1) & mask) {
    uint32_t home = table_slot(g_table[j].address, g_table_bits);
    bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
    if (!stays) {
      g_table[i] = g_table[j];
      i = j;
    }
  }
  g_table[i].address = 0;
  g_table_count--;
}

static void* counted_new(size_t size) {
  void* p = malloc(size == 0 ? 1 : size);
  if (p == nullptr) __builtin_trap();  // the page stops a run well before (see heap_room)
  g_mallocs += 1;
  g_live_bytes += chunk_bytes(p);
  if (g_live_bytes > g_peak_live) g_peak_live = g_live_bytes;
  if (g_tracking) table_insert(p, size, g_kind);
  return p;
}

static void counted_delete(void* p) {
  if (p == nullptr) return;
  g_frees += 1;
  g_live_bytes -= chunk_bytes(p);
  if (g_tracking) table_erase(p);
  free(p);
}

void* operator new(size_t size) { return counted_new(size); }
void* operator new[](size_t size) { return counted_new(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return counted_new(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return counted_new(size); }
void operator delete(void* p) noexcept { counted_delete(p); }
void operator delete[](void* p) noexcept { counted_delete(p); }
void operator delete(void* p, size_t) noexcept { counted_delete(p); }
void operator delete[](void* p, size_t) noexcept { counted_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_delete(p); }

/**
 * The heap's budget: a step that might pass it is refused (never a trap from memory.grow: the
 * module may grow to 1 GiB, twice the largest budget).
 */
static const double kMaxHeapBudgetBytes = 512.0 * 1024 * 1024;
static double g_heap_budget = kMaxHeapBudgetBytes;

/** Bytes the kind table may take at its next doubling (0 while tracking is off). */
static inline double table_reserve() { return g_tracking ? 2.0 * (sizeof(TrackEntry) << g_table_bits) : 0; }

/** Bytes of linear memory the module has now (dlmalloc's heap ends there). */
static inline double memory_bytes() { return double(__builtin_wasm_memory_size(0)) * 65536.0; }

EXPORT("mallocs") double mallocs() { return g_mallocs; }
EXPORT("frees") double frees() { return g_frees; }
EXPORT("live_bytes") double live_bytes() { return g_live_bytes; }
EXPORT("heap_budget") double heap_budget() { return g_heap_budget; }
/** Lowers the budget (a test's, or a page's that wants to stop sooner); never above 512 MiB. */
EXPORT("set_heap_budget") void set_heap_budget(double bytes) {
  g_heap_budget = bytes < kMaxHeapBudgetBytes ? bytes : kMaxHeapBudgetBytes;
}
/** Turns the kind table on; call before `setup` so that every allocation is in it. */
EXPORT("track_kinds") void track_kinds() {
  g_tracking = true;
  if (g_table == nullptr) table_grow();
}
EXPORT("kind_table") uint32_t kind_table() { return uint32_t(reinterpret_cast<uintptr_t>(g_table)); }
EXPORT("kind_table_capacity") uint32_t kind_table_capacity() { return g_table == nullptr ? 0 : 1u << g_table_bits; }
EXPORT("kind_table_count") uint32_t kind_table_count() { return g_table_count; }
/** A buffer for the page to write the run's spec into (see spec.h); freed by `free_buffer`. */
EXPORT("buffer") uint32_t buffer(uint32_t bytes) {
  KindScope kind(KIND_ENGINE);
  return uint32_t(reinterpret_cast<uintptr_t>(operator new(bytes)));
}
EXPORT("free_buffer") void free_buffer(uint32_t address) {
  operator delete(reinterpret_cast<void*>(uintptr_t(address)));
}
