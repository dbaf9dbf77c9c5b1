// The C++ layouts the guide migrates between, as a real compiler lays them out: its "before"
// Value (made by make_shared: one allocation holding the control block and the Value, plus the
// vector's own buffer for the parents), its "after" Value, and arenagrad's 32-byte record.
// `npm run bench:layouts` builds it with g++ and stores the output in bench/data/cpp-layouts.json.
// Prints one JSON object.
#include <malloc.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

typedef uint8_t u8;

// Before (the guide's Step 1), members public so offsetof can name them.
struct BeforeValue;
using ValuePtr = std::shared_ptr<BeforeValue>;
struct BeforeValue {
  double _value;
  double _gradient = 0;
  std::function<void()> gradient_func = nullptr;
  std::vector<ValuePtr> prev;
};

// After (the guide's Step 1).
struct AfterValue {
  double value;
  double gradient = 0;
  AfterValue* prev[2] = {nullptr, nullptr};
  u8 prev_count = 0;
  void (*gradient_func)(AfterValue* self) = nullptr;
};

// arenagrad's record: 32-bit addresses into one ArrayBuffer, an op code instead of a pointer.
struct ArenagradRecord {
  double value;
  double gradient;
  uint32_t prev[2];
  u8 prev_count;
  u8 op;
  u8 padding[2];
  uint32_t tag;
};

// An allocator that remembers the bytes make_shared asks for (allocate_shared uses it the same
// way: one allocation of the control block with the Value inside).
static size_t lastRequest = 0;
template <typename T> struct Recording {
  using value_type = T;
  Recording() = default;
  template <typename U> Recording(const Recording<U>&) {}
  T* allocate(size_t n) {
    lastRequest = n * sizeof(T);
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, size_t) { ::operator delete(p); }
  template <typename U> bool operator==(const Recording<U>&) const { return true; }
  template <typename U> bool operator!=(const Recording<U>&) const { return false; }
};

// glibc malloc's chunk for a request: the usable size plus its 8-byte header.
static size_t chunkFor(size_t bytes) {
  void* p = malloc(bytes);
  size_t chunk = malloc_usable_size(p) + sizeof(size_t);
  free(p);
  return chunk;
}

#define FIELD(T, f) printf("{\"name\":\"%s\",\"offset\":%zu,\"size\":%zu}", #f, offsetof(T, f), sizeof(((T*)0)->f))

int main() {
  auto shared = std::allocate_shared<BeforeValue>(Recording<BeforeValue>());
  size_t controlBlock = lastRequest;
  // Where the Value sits inside that allocation: the block's header comes first.
  shared->prev = {shared, shared};
  size_t vectorBuffer = shared->prev.capacity() * sizeof(ValuePtr);
  size_t header = controlBlock - sizeof(BeforeValue);
  shared->prev.clear();
  printf("{\"before\":{\"size\":%zu,\"align\":%zu,\"fields\":[", sizeof(BeforeValue), alignof(BeforeValue));
  FIELD(BeforeValue, _value); printf(",");
  FIELD(BeforeValue, _gradient); printf(",");
  FIELD(BeforeValue, gradient_func); printf(",");
  FIELD(BeforeValue, prev);
  printf("]},\"makeShared\":{\"bytes\":%zu,\"header\":%zu,\"chunk\":%zu},", controlBlock, header, chunkFor(controlBlock));
  printf("\"vectorBuffer\":{\"bytes\":%zu,\"chunk\":%zu},", vectorBuffer, chunkFor(vectorBuffer));
  printf("\"sharedPtr\":%zu,", sizeof(ValuePtr));
  printf("\"after\":{\"size\":%zu,\"align\":%zu,\"fields\":[", sizeof(AfterValue), alignof(AfterValue));
  FIELD(AfterValue, value); printf(",");
  FIELD(AfterValue, gradient); printf(",");
  FIELD(AfterValue, prev); printf(",");
  FIELD(AfterValue, prev_count); printf(",");
  FIELD(AfterValue, gradient_func);
  printf("]},\"record\":{\"size\":%zu,\"align\":%zu,\"fields\":[", sizeof(ArenagradRecord), alignof(ArenagradRecord));
  FIELD(ArenagradRecord, value); printf(",");
  FIELD(ArenagradRecord, gradient); printf(",");
  FIELD(ArenagradRecord, prev); printf(",");
  FIELD(ArenagradRecord, prev_count); printf(",");
  FIELD(ArenagradRecord, op); printf(",");
  FIELD(ArenagradRecord, padding); printf(",");
  FIELD(ArenagradRecord, tag);
  printf("]}}\n");
  return 0;
}
