// A training run on the guide's arena engine: the model and data a spec describes (spec.h), one
// step put right, and the guide's own loop. Shared by after.cpp (the WebAssembly module) and the
// program `cli export-cpp` writes (which inlines this file). The forward, the loss and the
// update make the same nodes in the same order, with the same arithmetic, as the TypeScript
// engine (src/core/train), so the losses are equal to the bit.
#pragma once
#include <cmath>

#include "arena_engine.h"
#include "spec.h"

/** How the last step ended; as the TypeScript engine, a diverged step changes no weight. */
enum StepStatus { STEP_OK = 0, STEP_LOSS_DIVERGED = 1, STEP_WEIGHT_DIVERGED = 2, STEP_OVERFLOW = 3 };

/** Arenas, model and data. Weights live in the model arena, laid out as the TypeScript engine's. */
struct Model {
  MemoryArena* model_arena;
  MemoryArena* scratch_arena;
  int layer_count, points, dims, loss;
  double l2, loss_limit;
  int* sizes;
  Neuron** layers;   // layers[l][j]
  Value*** outputs;  // each layer's outputs, reused by every point
  Value** params;    // every weight and bias, in creation order
  double* staged;    // the update's new values, checked before any is written
  size_t param_count;
  double *x, *y;
  Value** inputs;  // this step's input leaves
  Value** terms;   // this step's scores, then each point's loss term
  int status;
};

/** Builds arenas, model and data from a spec; returns the number of parameters (0: no room). */
static size_t build_model(Model& g, const Spec& spec) {
  g.model_arena = new MemoryArena(size_t(spec.model_bytes));
  g.scratch_arena = new MemoryArena(size_t(spec.scratch_bytes));
  g.layer_count = spec.layer_count();
  g.points = spec.points;
  g.dims = spec.dims;
  g.loss = spec.loss;
  g.l2 = spec.l2;
  g.loss_limit = spec.loss_limit;
  g.status = STEP_OK;
  g.sizes = new int[spec.sizes.size()];
  for (size_t i = 0; i < spec.sizes.size(); i++) g.sizes[i] = spec.sizes[i];
  g.x = new double[size_t(spec.points) * spec.dims];
  g.y = new double[size_t(spec.points)];
  for (int i = 0; i < spec.points * spec.dims; i++) g.x[i] = spec.x[i];
  for (int i = 0; i < spec.points; i++) g.y[i] = spec.y[i];
  g.param_count = 0;
  for (int l = 0; l < g.layer_count; l++) g.param_count += size_t(g.sizes[l] + 1) * g.sizes[l + 1];
  g.params = new Value*[g.param_count];
  g.staged = new double[g.param_count];
  g.layers = new Neuron*[size_t(g.layer_count)];
  g.outputs = new Value**[size_t(g.layer_count)];
  MemoryArena* model = g.model_arena;
  const double* w = spec.weights;
  size_t k = 0;
  for (int l = 0; l < g.layer_count; l++) {
    int n = g.sizes[l];
    g.layers[l] = new Neuron[size_t(g.sizes[l + 1])];
    g.outputs[l] = new Value*[size_t(g.sizes[l + 1])];
    for (int j = 0; j < g.sizes[l + 1]; j++) {
      Neuron& neuron = g.layers[l][j];
      neuron._num_weights = size_t(n);
      neuron.nonlin = spec.activation_of(l) == ACT_RELU;
      neuron._weights = model->push_array<Value*>(size_t(n));  // as the guide's Neuron does
      if (neuron._weights == nullptr) return 0;
      for (int i = 0; i < n; i++) g.params[k++] = neuron._weights[i] = create_value(model, *w++);
      g.params[k++] = neuron._bias = create_value(model, *w++);
    }
  }
  g.inputs = new Value*[size_t(spec.points) * spec.dims];
  g.terms = new Value*[size_t(spec.points)];
  return model->overflows == 0 ? g.param_count : 0;
}

/** Python's sum(values): 0 + v0 is v0 + Value(0), then each value added. */
static Value* sum_of(MemoryArena* s, Value** values, int count) {
  Value* total = add(s, values[0], create_value(s, 0));
  for (int i = 1; i < count; i++) total = add(s, total, values[i]);
  return total;
}

/** Inputs, forward over every point, the loss: all into the scratch arena. */
static Value* forward_loss(Model& g) {
  MemoryArena* s = g.scratch_arena;
  for (int i = 0; i < g.points * g.dims; i++) g.inputs[i] = create_value(s, g.x[i]);
  for (int p = 0; p < g.points; p++) {
    Value** current = g.inputs + p * g.dims;
    for (int l = 0; l < g.layer_count; l++) {
      for (int j = 0; j < g.sizes[l + 1]; j++) {
        g.outputs[l][j] = g.layers[l][j].forward(s, current, size_t(g.sizes[l]));
      }
      current = g.outputs[l];
    }
    g.terms[p] = current[0];
  }
  for (int p = 0; p < g.points; p++) {
    if (g.loss == LOSS_HINGE) {  // relu(1 + −y·score)
      Value* margin = mul(s, g.terms[p], create_value(s, -g.y[p]));
      g.terms[p] = relu(s, add(s, margin, create_value(s, 1)));
    } else {  // (score − y)²
      g.terms[p] = pow(s, sub(s, g.terms[p], create_value(s, g.y[p])), 2);
    }
  }
  Value* data = mul(s, sum_of(s, g.terms, g.points), create_value(s, 1.0 / g.points));
  if (g.l2 == 0) return data;
  Value* total = nullptr;  // α · Σ p², each square made just before it is added
  for (size_t i = 0; i < g.param_count; i++) {
    Value* square = mul(s, g.params[i], g.params[i]);
    total = i == 0 ? add(s, square, create_value(s, 0)) : add(s, total, square);
  }
  return add(s, data, mul(s, total, create_value(s, g.l2)));
}

/** SGD `w − lr · grad`, every new value checked finite before any is written. */
static bool update(Model& g, double lr) {
  for (size_t i = 0; i < g.param_count; i++) {
    g.staged[i] = g.params[i]->value - lr * g.params[i]->gradient;
    if (!std::isfinite(g.staged[i])) return false;
  }
  for (size_t i = 0; i < g.param_count; i++) g.params[i]->value = g.staged[i];
  return true;
}

/** One step put right: mark, forward + loss, zero grad, the reverse sweep, update, end. */
static double train_step(Model& g, double lr) {
  Arena checkpoint = g.scratch_arena->mark();
  Value* first = reinterpret_cast<Value*>(g.scratch_arena->base + checkpoint.used);
  Value* loss = forward_loss(g);
  double value = loss->value;
  if (g.scratch_arena->overflows != 0) {
    g.status = STEP_OVERFLOW;
  } else if (!(std::fabs(value) <= g.loss_limit)) {
    g.status = STEP_LOSS_DIVERGED;
  } else {
    for (size_t i = 0; i < g.param_count; i++) g.params[i]->gradient = 0;
    backward_sweep(loss, first);
    g.status = update(g, lr) ? STEP_OK : STEP_WEIGHT_DIVERGED;
  }
  checkpoint.end();
  return value;
}

/**
 * The guide's Step 4 loop on this model: mark, forward + loss, the guide's recursive backward,
 * the update only if `with_update` (the guide comments it out), end. Returns the loss.
 */
[[maybe_unused]] static double guide_step(Model& g, bool with_update, double lr) {
  Arena checkpoint = g.scratch_arena->mark();
  Value* loss = forward_loss(g);
  double value = loss->value;
  g_visits = 0;
  g.status = g.scratch_arena->overflows != 0 ? STEP_OVERFLOW : STEP_OK;
  if (g.status == STEP_OK) {
    backward(loss);
    if (with_update && g_visits <= kVisitBudget) update(g, lr);
  }
  checkpoint.end();
  return value;
}
