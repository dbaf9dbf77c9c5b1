// The guide's "before" engine, written for arenagrad from the guide's description: a Value is a
// std::shared_ptr (make_shared: control block and Value in one heap chunk), its parents a
// std::vector<ValuePtr>, its gradient function a std::function<void()> holding a lambda, and
// backward is micrograd's: a topological sort (depth first, with a visited set), then every
// node's function in reverse. Ops are written as a C++ micrograd port writes them.
//
// The leak switch (`set_capture_self`): a port that writes `out->gradient_func = [out] {...}`
// stores in the node a lambda holding the node's own shared_ptr. Value → std::function →
// shared_ptr → Value is a cycle: the count never reaches 0 and no node of any step is freed.
// With the switch off the lambda holds a raw `Value*` and the graph is freed at the step's end.
//
// Built to wasm32-wasi by scripts/build-cpp.mjs; run by src/core/cpp (the page and the tests).
#include <functional>
#include <memory>
#include <unordered_set>
#include <vector>

#include "counting.h"
#include "js_math.h"
#include "spec.h"

class Value;
using ValuePtr = std::shared_ptr<Value>;

// The guide's Step 1 "Before" class (fields public: the guide shows no accessors).
class Value {
 public:
  explicit Value(double value) : _value(value) {}
  double _value;
  double _gradient = 0;
  std::function<void()> gradient_func = nullptr;
  std::vector<ValuePtr> prev;
};

static bool g_capture_self = false;

static ValuePtr make_value(double value) {
  KindScope kind(KIND_VALUE);
  return std::make_shared<Value>(value);
}

static void link(const ValuePtr& out, const ValuePtr& a) {
  KindScope kind(KIND_VECTOR);
  out->prev.push_back(a);
}

static void link(const ValuePtr& out, const ValuePtr& a, const ValuePtr& b) {
  KindScope kind(KIND_VECTOR);
  out->prev.push_back(a);
  out->prev.push_back(b);
}

// Each op's chain rule for one node, as micrograd writes its `_backward`.
static void add_rule(Value* out) {
  out->prev[0]->_gradient += out->_gradient;
  out->prev[1]->_gradient += out->_gradient;
}
static void mul_rule(Value* out) {
  out->prev[0]->_gradient += out->prev[1]->_value * out->_gradient;
  out->prev[1]->_gradient += out->prev[0]->_value * out->_gradient;
}
static void sub_rule(Value* out) {
  out->prev[0]->_gradient += out->_gradient;
  out->prev[1]->_gradient -= out->_gradient;
}
static void pow_rule(Value* out) {
  double n = out->prev[1]->_value;
  out->prev[0]->_gradient += n * js_pow(out->prev[0]->_value, n - 1) * out->_gradient;
}
static void relu_rule(Value* out) {
  if (out->_value > 0) out->prev[0]->_gradient += out->_gradient;
}

/** Stores the node's gradient function: a lambda that owns the node (the leak) or points to it. */
template <void (*rule)(Value*)>
static void set_gradient_func(const ValuePtr& out) {
  KindScope kind(KIND_FUNCTION);
  if (g_capture_self) {
    out->gradient_func = [out] { rule(out.get()); };
  } else {
    Value* self = out.get();
    out->gradient_func = [self] { rule(self); };
  }
}

ValuePtr add(const ValuePtr& a, const ValuePtr& b) {
  ValuePtr out = make_value(a->_value + b->_value);
  link(out, a, b);
  set_gradient_func<add_rule>(out);
  return out;
}

ValuePtr mul(const ValuePtr& a, const ValuePtr& b) {
  ValuePtr out = make_value(a->_value * b->_value);
  link(out, a, b);
  set_gradient_func<mul_rule>(out);
  return out;
}

ValuePtr sub(const ValuePtr& a, const ValuePtr& b) {
  ValuePtr out = make_value(a->_value - b->_value);
  link(out, a, b);
  set_gradient_func<sub_rule>(out);
  return out;
}

/** `a ** n`, the exponent a leaf in prev[1] as in the TypeScript engines. */
ValuePtr pow(const ValuePtr& a, double n) {
  ValuePtr exponent = make_value(n);
  ValuePtr out = make_value(js_pow(a->_value, n));
  link(out, a, exponent);
  set_gradient_func<pow_rule>(out);
  return out;
}

ValuePtr relu(const ValuePtr& a) {
  ValuePtr out = make_value(a->_value > 0 ? a->_value : 0);
  link(out, a);
  set_gradient_func<relu_rule>(out);
  return out;
}

/** micrograd's build_topo: parents first, each node once (recursive, as micrograd writes it). */
static void build_topo(Value* v, std::unordered_set<Value*>& visited, std::vector<Value*>& topo) {
  if (!visited.insert(v).second) return;
  for (const ValuePtr& parent : v->prev) build_topo(parent.get(), visited, topo);
  topo.push_back(v);
}

/** micrograd's backward: topological order, gradient 1 at the root, every function in reverse. */
void backward(const ValuePtr& root) {
  std::unordered_set<Value*> visited;
  std::vector<Value*> topo;
  build_topo(root.get(), visited, topo);
  root->_gradient = 1;
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    if ((*it)->gradient_func) (*it)->gradient_func();
  }
}

struct Neuron {
  std::vector<ValuePtr> w;
  ValuePtr b;
  int activation;

  /** micrograd's `sum((wi * xi for ...), self.b)`, then the activation. */
  ValuePtr operator()(const std::vector<ValuePtr>& x) const {
    ValuePtr sum = b;
    for (size_t i = 0; i < w.size(); i++) sum = add(sum, mul(w[i], x[i]));
    return activation == ACT_RELU ? relu(sum) : sum;
  }
};

/** The model, its data and the step in flight. */
struct Model {
  std::vector<std::vector<Neuron>> layers;
  std::vector<ValuePtr> params;
  std::vector<double> x, y;
  int points = 0, dims = 0, loss = LOSS_HINGE;
  double l2 = 0;
  ValuePtr loss_node;  // the step's loss while its graph is alive
};

static Model* g_model = nullptr;
static double g_step_start_live = 0;
static double g_step_peak = 0;  // the largest rise of live bytes within a step so far
static double g_last_growth = 0;

static ValuePtr forward(const std::vector<ValuePtr>& input) {
  std::vector<ValuePtr> current = input;
  for (const std::vector<Neuron>& layer : g_model->layers) {
    std::vector<ValuePtr> next;
    for (const Neuron& neuron : layer) next.push_back(neuron(current));
    current = next;
  }
  return current[0];
}

/** Python's sum(values): 0 + v0 is v0 + Value(0), then each value added. */
static ValuePtr sum_of(const std::vector<ValuePtr>& values) {
  ValuePtr total = add(values[0], make_value(0));
  for (size_t i = 1; i < values.size(); i++) total = add(total, values[i]);
  return total;
}

static ValuePtr loss_of(const std::vector<ValuePtr>& scores) {
  Model& m = *g_model;
  std::vector<ValuePtr> losses;
  for (int p = 0; p < m.points; p++) {
    if (m.loss == LOSS_HINGE) {
      losses.push_back(relu(add(mul(scores[p], make_value(-m.y[p])), make_value(1))));
    } else {
      losses.push_back(pow(sub(scores[p], make_value(m.y[p])), 2));
    }
  }
  ValuePtr data = mul(sum_of(losses), make_value(1.0 / m.points));
  if (m.l2 == 0) return data;
  ValuePtr total;
  for (size_t i = 0; i < m.params.size(); i++) {
    ValuePtr square = mul(m.params[i], m.params[i]);
    total = i == 0 ? add(square, make_value(0)) : add(total, square);
  }
  return add(data, mul(total, make_value(m.l2)));
}

/** Builds the model from the page's spec (see spec.h). Returns the number of parameters. */
EXPORT("setup") uint32_t setup(uint32_t spec_address) {
  Spec spec(reinterpret_cast<const double*>(uintptr_t(spec_address)));
  g_model = new Model();
  Model& m = *g_model;
  m.points = spec.points;
  m.dims = spec.dims;
  m.loss = spec.loss;
  m.l2 = spec.l2;
  m.x.assign(spec.x, spec.x + spec.points * spec.dims);
  m.y.assign(spec.y, spec.y + spec.points);
  const double* w = spec.weights;
  for (int l = 0; l < spec.layer_count(); l++) {
    m.layers.emplace_back();
    for (int j = 0; j < spec.sizes[l + 1]; j++) {
      Neuron neuron;
      neuron.activation = spec.activation_of(l);
      for (int i = 0; i < spec.sizes[l]; i++) neuron.w.push_back(make_value(*w++));
      neuron.b = make_value(*w++);
      for (const ValuePtr& wi : neuron.w) m.params.push_back(wi);
      m.params.push_back(neuron.b);
      m.layers.back().push_back(neuron);
    }
  }
  return uint32_t(m.params.size());
}

/** The leak switch: lambdas that capture their own node's shared_ptr, or a raw pointer. */
EXPORT("set_capture_self") void set_capture_self(int on) { g_capture_self = on != 0; }

/** Forward and loss: the step's graph, alive until `end_step`. Returns the loss. */
EXPORT("begin_step") double begin_step() {
  Model& m = *g_model;
  g_step_start_live = g_peak_live = g_live_bytes;
  std::vector<std::vector<ValuePtr>> inputs;
  for (int p = 0; p < m.points; p++) {
    std::vector<ValuePtr> row;
    for (int d = 0; d < m.dims; d++) row.push_back(make_value(m.x[p * m.dims + d]));
    inputs.push_back(row);
  }
  std::vector<ValuePtr> scores;
  for (const std::vector<ValuePtr>& row : inputs) scores.push_back(forward(row));
  m.loss_node = loss_of(scores);
  return m.loss_node->_value;
}

/** Zero grad, backward, SGD `w -= lr · grad`. */
EXPORT("finish_step") void finish_step(double lr) {
  Model& m = *g_model;
  for (const ValuePtr& p : m.params) p->_gradient = 0;
  backward(m.loss_node);
  for (const ValuePtr& p : m.params) p->_value -= lr * p->_gradient;
}

/** Lets go of the step's graph: freed, unless its lambdas own their nodes. */
EXPORT("end_step") void end_step() {
  g_model->loss_node.reset();
  g_last_growth = g_live_bytes - g_step_start_live;
  if (g_peak_live - g_step_start_live > g_step_peak) g_step_peak = g_peak_live - g_step_start_live;
}

/** One whole step (forward, loss, backward, update, release); returns the loss. */
EXPORT("train_step") double train_step(double lr) {
  double loss = begin_step();
  finish_step(lr);
  end_step();
  return loss;
}

/** Live bytes the last step left behind (0 without the leak). */
EXPORT("last_growth") double last_growth() { return g_last_growth; }

/**
 * Whether another step surely stays within the heap's budget: the memory now, plus twice the
 * most live bytes have risen within a step, plus the kind table's next doubling. The page stops
 * a leaking run when this says no.
 */
EXPORT("step_fits") int step_fits() {
  return memory_bytes() + 2 * g_step_peak + table_reserve() <= g_heap_budget ? 1 : 0;
}

EXPORT("parameter") double parameter(uint32_t i) { return g_model->params[i]->_value; }

// One op on its own, for counting what it allocates: a and b, then a + b (0), a · b (1) or relu(a) (2).
static ValuePtr g_probe[3];
EXPORT("probe_leaves") void probe_leaves() { g_probe[0] = make_value(2), g_probe[1] = make_value(3); }
EXPORT("probe_op") void probe_op(int op) {
  g_probe[2] = op == 0 ? add(g_probe[0], g_probe[1])
               : op == 1 ? mul(g_probe[0], g_probe[1])
                         : relu(g_probe[0]);
}
EXPORT("probe_release") void probe_release() { g_probe[0] = g_probe[1] = g_probe[2] = nullptr; }
