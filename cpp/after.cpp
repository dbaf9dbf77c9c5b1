// The guide's "after" as a WebAssembly module: its arena engine (arena_engine.h) running this
// project's training runs (arena_model.h) on the spec the page hands in (spec.h), with the
// allocation counters of counting.h, which show no malloc at all once `setup` has run.
//   train_step: the guide's loop put right: one reverse sweep over what the scratch arena holds,
//               then the update. Its losses equal the TypeScript engine's to the bit.
//   guide_step: the guide's loop as written: its recursive zero_gradients + backward_internal
//               (a shared node is visited once per path: right on a tree, such as the guide's
//               neuron and its loss; wrong and exponential on a DAG, such as an MLP's batch,
//               where weights are shared by every point) and its update, commented out in the
//               guide, behind a switch.
// Built to wasm32-wasi by scripts/build-cpp.mjs; run by src/core/cpp (the page and the tests).
#include "counting.h"
#include "arena_model.h"

static Model g;

/** Builds arenas, model and data from the page's spec; returns the parameters (0: no room). */
EXPORT("setup") uint32_t setup(uint32_t spec_address) {
  Spec spec(reinterpret_cast<const double*>(uintptr_t(spec_address)));
  return uint32_t(build_model(g, spec));
}

EXPORT("train_step") double train_step(double lr) { return train_step(g, lr); }

EXPORT("guide_step") double guide_step(int with_update, double lr) {
  return guide_step(g, with_update != 0, lr);
}

/** 0 when the last step ran; else why it changed nothing (arena_model.h, StepStatus). */
EXPORT("step_status") int step_status() { return g.status; }
/** Nodes the last guide_step's backward visited (it stops past 1,000,000). */
EXPORT("guide_visits") double guide_visits() { return g_visits; }
EXPORT("parameter") double parameter(uint32_t i) { return g.params[i]->value; }
EXPORT("gradient") double gradient(uint32_t i) { return g.params[i]->gradient; }
EXPORT("value_bytes") uint32_t value_bytes() { return sizeof(Value); }
EXPORT("scratch_base") uint32_t scratch_base() { return uint32_t(uintptr_t(g.scratch_arena->base)); }
EXPORT("scratch_used") uint32_t scratch_used() { return uint32_t(g.scratch_arena->used); }
EXPORT("scratch_high_water") uint32_t scratch_high_water() { return uint32_t(g.scratch_arena->high_water); }
EXPORT("scratch_capacity") uint32_t scratch_capacity() { return uint32_t(g.scratch_arena->capacity); }
EXPORT("model_base") uint32_t model_base() { return uint32_t(uintptr_t(g.model_arena->base)); }
EXPORT("model_used") uint32_t model_used() { return uint32_t(g.model_arena->used); }

// One op on its own, for counting what it allocates (nothing): `probe_leaves` makes a and b in
// the scratch arena, `probe_op` a + b (0), a · b (1) or relu(a) (2), `probe_release` rewinds.
static Value* g_probe[3];
EXPORT("probe_leaves") void probe_leaves() {
  g_probe[0] = create_value(g.scratch_arena, 2);
  g_probe[1] = create_value(g.scratch_arena, 3);
}
EXPORT("probe_op") void probe_op(int op) {
  MemoryArena* s = g.scratch_arena;
  g_probe[2] = op == 0 ? add(s, g_probe[0], g_probe[1])
               : op == 1 ? mul(s, g_probe[0], g_probe[1])
                         : relu(s, g_probe[0]);
}
EXPORT("probe_release") void probe_release() { g.scratch_arena->used = 0; }
