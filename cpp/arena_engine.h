// The guide's arena engine (its Steps 1–3), written for arenagrad from the guide's text: Values
// in a MemoryArena (push_struct / push_array, mark() / end()), `Value* prev[2]`, `prev_count`,
// a function pointer per node; the guide's add, mul and relu, plus sub and pow for the squared
// error; the guide's recursive backward as written, and the same put right (backward_sweep).
// Shared by after.cpp (the WebAssembly module) and the program `cli export-cpp` writes (which
// inlines this file). No heap allocation but the arenas' own two blocks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>

#include "js_math.h"

typedef uint8_t u8;

class MemoryArena;

/** The guide's checkpoint (`Arena checkpoint = scratch_arena.mark(); ... checkpoint.end();`). */
struct Arena {
  MemoryArena* arena;
  size_t used;
  void end();
};

/**
 * A bump allocator over one heap block. A push that does not fit counts an overflow and
 * returns a spare block of 64 bytes (room for a Value: the step finishes, reports it and never
 * traps), or nullptr if it asked for more than that.
 */
class MemoryArena {
 public:
  explicit MemoryArena(size_t capacity)
      : base(static_cast<u8*>(operator new(capacity))), capacity(capacity) {}

  void* push(size_t size, size_t align) {
    size_t start = (used + align - 1) & ~(align - 1);
    if (start + size > capacity) {
      overflows++;
      return size <= sizeof(spare) ? spare : nullptr;
    }
    used = start + size;
    if (used > high_water) high_water = used;
    return base + start;
  }
  template <typename T>
  T* push_struct() { return static_cast<T*>(push(sizeof(T), alignof(T))); }
  template <typename T>
  T* push_array(size_t count) { return static_cast<T*>(push(sizeof(T) * count, alignof(T))); }
  Arena mark() { return Arena{this, used}; }

  u8* base;
  size_t capacity;
  size_t used = 0;
  size_t high_water = 0;
  uint32_t overflows = 0;
  alignas(8) u8 spare[64] = {};
};

void Arena::end() { arena->used = used; }

// The guide's Step 1 "After" class.
class Value {
 public:
  double value;
  double gradient = 0;

  Value* prev[2] = {nullptr, nullptr};  // Fixed size, no heap alloc
  u8 prev_count = 0;

  void (*gradient_func)(Value* self) = nullptr;  // Function pointer
};

// The guide's Step 2.
Value* create_value(MemoryArena* arena, double val) {
  Value* v = arena->push_struct<Value>();
  v->value = val;
  v->gradient = 0;
  v->prev[0] = v->prev[1] = nullptr;  // the guide leaves these to the arena's bytes
  v->prev_count = 0;
  v->gradient_func = nullptr;
  return v;
}

static Value* binary(MemoryArena* arena, double val, Value* a, Value* b, void (*rule)(Value*)) {
  Value* out = create_value(arena, val);
  out->prev[0] = a;
  out->prev[1] = b;
  out->prev_count = 2;
  out->gradient_func = rule;
  return out;
}

Value* add(MemoryArena* arena, Value* a, Value* b) {
  return binary(arena, a->value + b->value, a, b, [](Value* self) {
    self->prev[0]->gradient += self->gradient;
    self->prev[1]->gradient += self->gradient;
  });
}

Value* mul(MemoryArena* arena, Value* a, Value* b) {
  return binary(arena, a->value * b->value, a, b, [](Value* self) {
    self->prev[0]->gradient += self->prev[1]->value * self->gradient;
    self->prev[1]->gradient += self->prev[0]->value * self->gradient;
  });
}

Value* sub(MemoryArena* arena, Value* a, Value* b) {
  return binary(arena, a->value - b->value, a, b, [](Value* self) {
    self->prev[0]->gradient += self->gradient;
    self->prev[1]->gradient -= self->gradient;
  });
}

/** `a ** n`, the exponent a leaf in prev[1], as in the TypeScript engine's records. */
Value* pow(MemoryArena* arena, Value* a, double n) {
  Value* exponent = create_value(arena, n);
  return binary(arena, js_pow(a->value, n), a, exponent, [](Value* self) {
    double n = self->prev[1]->value;
    self->prev[0]->gradient += n * js_pow(self->prev[0]->value, n - 1) * self->gradient;
  });
}

Value* relu(MemoryArena* arena, Value* v) {
  Value* out = create_value(arena, v->value > 0 ? v->value : 0);
  out->prev[0] = v;
  out->prev_count = 1;
  out->gradient_func = [](Value* self) {
    self->prev[0]->gradient += (self->value > 0) ? self->gradient : 0;
  };
  return out;
}

// The guide's backprop, as written, with a budget of visits (a DAG takes exponential time).
static double g_visits = 0;
static const double kVisitBudget = 1000000;

void zero_gradients(Value* v) {
  if (++g_visits > kVisitBudget) return;
  v->gradient = 0;
  for (u8 i = 0; i < v->prev_count; i++) {
    zero_gradients(v->prev[i]);
  }
}

void backward_internal(Value* v) {
  if (++g_visits > kVisitBudget) return;
  if (v->gradient_func) {
    v->gradient_func(v);
  }
  for (u8 i = 0; i < v->prev_count; i++) {
    backward_internal(v->prev[i]);
  }
}

void backward(Value* v) {
  zero_gradients(v);
  v->gradient = 1.0;
  backward_internal(v);
}

/** Put right: every record from `v` down to `first`, once, in reverse allocation order. */
void backward_sweep(Value* v, Value* first) {
  v->gradient = 1.0;
  for (Value* node = v;; node--) {
    if (node->gradient != 0 && node->gradient_func) node->gradient_func(node);
    if (node == first) break;
  }
}

/** The guide's Step 3 Neuron, built from the page's weights instead of std::random_device. */
struct Neuron {
  Value** _weights;
  Value* _bias;
  size_t _num_weights;
  bool nonlin;  // relu after the sum (micrograd's `nonlin`), else linear

  Value* forward(MemoryArena* scratch, Value** inputs, size_t num_inputs) {
    Value* sum = _bias;
    for (size_t i = 0; i < num_inputs; i++) {
      Value* wx = mul(scratch, _weights[i], inputs[i]);
      sum = add(scratch, sum, wx);
    }
    return nonlin ? relu(scratch, sum) : sum;
  }
};
