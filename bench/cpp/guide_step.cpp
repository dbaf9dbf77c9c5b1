// The guide's arena engine in C++ (function-pointer gradient rules, -O2), with its two bugs fixed
// (backward is one reverse sweep over the allocation order; SGD updates the weights), running
// micrograd's demo step: 2-16-16-1 MLP, 100 two-moons points, hinge loss + L2 1e-4.
// It is the yardstick for the TypeScript arena engine: `npm run bench` builds and runs it when
// g++ is present and prints both, measured in the same run. Prints one JSON line.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <random>
#include <vector>

typedef uint8_t u8;
struct MemoryArena {
  u8* base; size_t capacity; size_t used = 0;
  explicit MemoryArena(size_t cap) : base((u8*)calloc(cap, 1)), capacity(cap) {}
  void* push(size_t size, size_t align) {
    size_t start = (used + align - 1) & ~(align - 1);
    if (start + size > capacity) { fprintf(stderr, "overflow\n"); exit(1); }
    used = start + size; return base + start;
  }
  template <typename T> T* push_struct() { return (T*)push(sizeof(T), alignof(T)); }
  template <typename T> T* push_array(size_t n) { return (T*)push(sizeof(T) * n, alignof(T)); }
};

struct Value {
  double value; double gradient = 0;
  Value* prev[2] = {nullptr, nullptr}; u8 prev_count = 0;
  void (*gradient_func)(Value* self) = nullptr;
};

static Value** g_tape; static size_t g_tape_len;  // allocation order of scratch Values

Value* create_value(MemoryArena* a, double v) {
  Value* x = a->push_struct<Value>();
  x->value = v; x->gradient = 0; x->prev_count = 0; x->gradient_func = nullptr;
  return x;
}
static Value* node(MemoryArena* a, double v, Value* p0, Value* p1, u8 n, void (*f)(Value*)) {
  Value* x = create_value(a, v); x->prev[0] = p0; x->prev[1] = p1; x->prev_count = n;
  x->gradient_func = f; g_tape[g_tape_len++] = x; return x;
}
Value* add(MemoryArena* a, Value* x, Value* y) {
  return node(a, x->value + y->value, x, y, 2, [](Value* s) {
    s->prev[0]->gradient += s->gradient; s->prev[1]->gradient += s->gradient; });
}
Value* mul(MemoryArena* a, Value* x, Value* y) {
  return node(a, x->value * y->value, x, y, 2, [](Value* s) {
    s->prev[0]->gradient += s->prev[1]->value * s->gradient;
    s->prev[1]->gradient += s->prev[0]->value * s->gradient; });
}
Value* relu(MemoryArena* a, Value* x) {
  return node(a, x->value > 0 ? x->value : 0, x, nullptr, 1, [](Value* s) {
    s->prev[0]->gradient += (s->value > 0) ? s->gradient : 0; });
}
Value* leaf(MemoryArena* a, double v) { Value* x = create_value(a, v); g_tape[g_tape_len++] = x; return x; }

struct Neuron { Value** w; Value* b; size_t n; bool nonlin; };

int main(int argc, char** argv) {
  int steps = argc > 1 ? atoi(argv[1]) : 2000;
  MemoryArena model(1 << 20), scratch(4 << 20);
  std::vector<Value*> tape(1 << 18); g_tape = tape.data();
  std::mt19937 gen(1); std::uniform_real_distribution<double> dis(-1.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.1);
  int sizes[4] = {2, 16, 16, 1};
  std::vector<std::vector<Neuron>> layers;
  std::vector<Value*> params;
  for (int l = 0; l < 3; l++) {
    std::vector<Neuron> layer;
    for (int j = 0; j < sizes[l + 1]; j++) {
      Neuron nr; nr.n = sizes[l]; nr.nonlin = l < 2; nr.w = model.push_array<Value*>(nr.n);
      for (size_t i = 0; i < nr.n; i++) { nr.w[i] = create_value(&model, dis(gen)); params.push_back(nr.w[i]); }
      nr.b = create_value(&model, 0); params.push_back(nr.b); layer.push_back(nr);
    }
    layers.push_back(layer);
  }
  const int N = 100; double X[N][2]; double Y[N];
  for (int i = 0; i < N; i++) {
    bool inner = i >= N / 2; int k = inner ? i - N / 2 : i; double t = M_PI * k / (N / 2 - 1);
    X[i][0] = (inner ? 1 - cos(t) : cos(t)) + noise(gen);
    X[i][1] = (inner ? 0.5 - sin(t) : sin(t)) + noise(gen); Y[i] = inner ? 1 : -1;
  }
  std::vector<double> times; double loss_value = 0; size_t nodes = 0;
  Value* outs[3][16];
  for (int k = 0; k < steps; k++) {
    auto t0 = std::chrono::steady_clock::now();
    size_t checkpoint = scratch.used; g_tape_len = 0;
    Value* in[N][2];
    for (int i = 0; i < N; i++) { in[i][0] = leaf(&scratch, X[i][0]); in[i][1] = leaf(&scratch, X[i][1]); }
    Value* scores[N];
    for (int p = 0; p < N; p++) {
      Value** cur = in[p];
      for (int l = 0; l < 3; l++) {
        for (size_t j = 0; j < layers[l].size(); j++) {
          Neuron& nr = layers[l][j]; Value* sum = nr.b;
          for (size_t i = 0; i < nr.n; i++) sum = add(&scratch, sum, mul(&scratch, nr.w[i], cur[i]));
          outs[l][j] = nr.nonlin ? relu(&scratch, sum) : sum;
        }
        cur = outs[l];
      }
      scores[p] = cur[0];
    }
    Value* total = nullptr;
    for (int p = 0; p < N; p++) {
      Value* m = mul(&scratch, scores[p], leaf(&scratch, -Y[p]));
      Value* l = relu(&scratch, add(&scratch, m, leaf(&scratch, 1)));
      total = p == 0 ? add(&scratch, l, leaf(&scratch, 0)) : add(&scratch, total, l);
    }
    Value* data = mul(&scratch, total, leaf(&scratch, 1.0 / N));
    Value* reg = nullptr;
    for (size_t i = 0; i < params.size(); i++) {
      Value* sq = mul(&scratch, params[i], params[i]);
      reg = i == 0 ? add(&scratch, sq, leaf(&scratch, 0)) : add(&scratch, reg, sq);
    }
    Value* loss = add(&scratch, data, mul(&scratch, reg, leaf(&scratch, 1e-4)));
    for (Value* p : params) p->gradient = 0;
    loss->gradient = 1;
    for (size_t i = g_tape_len; i-- > 0;) if (g_tape[i]->gradient_func) g_tape[i]->gradient_func(g_tape[i]);
    double lr = 1.0 - 0.9 * std::min(k, 100) / 100.0;
    for (Value* p : params) p->value -= lr * p->gradient;
    loss_value = loss->value; nodes = g_tape_len;
    scratch.used = checkpoint;  // checkpoint.end()
    auto t1 = std::chrono::steady_clock::now();
    if (k >= steps / 4) times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(times.begin(), times.end());
  double median = times[times.size() / 2];
  printf("{\"usPerStep\":%.1f,\"nsPerNode\":%.2f,\"nodes\":%zu,\"finalLoss\":%.6f}\n", median,
         median * 1000.0 / nodes, nodes, loss_value);
  return 0;
}
