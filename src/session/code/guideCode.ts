/**
 * The guide's "after" code as this project runs it: C++, with the guide's two mistakes put
 * right (the recursive backward replaced by one sweep down the arena's tape; the update not
 * commented out). Each line may carry a tag: the step's moments point at lines by tag, so the
 * code and the moments cannot drift apart silently (a test checks every tag is used once).
 */

/** The moments of a step the code pane can point at. */
export type CodeTag =
  | 'mark'
  | 'inputs'
  | 'create'
  | 'mul'
  | 'add'
  | 'relu'
  | 'sub'
  | 'pow'
  | 'target'
  | 'loss'
  | 'sweep'
  | 'leaf'
  | 'grad-add'
  | 'grad-mul'
  | 'grad-sub'
  | 'grad-pow'
  | 'grad-relu'
  | 'update'
  | 'end';

const LINES: readonly (readonly [CodeTag | '', string])[] = [
  ['', '// The guide\'s "after" code as arenagrad runs it. Corrected where the guide is wrong:'],
  ['', '// backward sweeps the tape once (its recursion double-counts shared nodes), and'],
  ['', '// the update is done (the guide leaves it commented out).'],
  ['', ''],
  ['create', 'Value* create_value(MemoryArena* arena, double val) {'],
  ['', '  Value* v = arena->push_struct<Value>();  // 32 bytes at the bump pointer'],
  ['', '  v->value = val; v->gradient = 0; v->prev_count = 0; v->gradient_func = nullptr;'],
  ['', '  return v;'],
  ['', '}'],
  ['add', 'Value* add(MemoryArena* a, Value* x, Value* y) {  // create_value + prev = {x, y}'],
  ['', '  Value* out = create_value(a, x->value + y->value);'],
  ['', '  out->prev[0] = x; out->prev[1] = y; out->prev_count = 2;'],
  ['', '  out->gradient_func = [](Value* self) {'],
  ['grad-add', '    self->prev[0]->gradient += self->gradient;'],
  ['', '    self->prev[1]->gradient += self->gradient;'],
  ['', '  };'],
  ['', '  return out;'],
  ['', '}'],
  ['mul', 'Value* mul(MemoryArena* a, Value* x, Value* y) {  // create_value + prev = {x, y}'],
  ['', '  Value* out = create_value(a, x->value * y->value);'],
  ['', '  out->prev[0] = x; out->prev[1] = y; out->prev_count = 2;'],
  ['', '  out->gradient_func = [](Value* self) {'],
  ['grad-mul', '    self->prev[0]->gradient += self->prev[1]->value * self->gradient;'],
  ['', '    self->prev[1]->gradient += self->prev[0]->value * self->gradient;'],
  ['', '  };'],
  ['', '  return out;'],
  ['', '}'],
  ['sub', 'Value* sub(MemoryArena* a, Value* x, Value* y) {  // x - y'],
  ['', '  Value* out = create_value(a, x->value - y->value);'],
  ['', '  out->prev[0] = x; out->prev[1] = y; out->prev_count = 2;'],
  ['', '  out->gradient_func = [](Value* self) {'],
  ['grad-sub', '    self->prev[0]->gradient += self->gradient;'],
  ['', '    self->prev[1]->gradient -= self->gradient;'],
  ['', '  };'],
  ['', '  return out;'],
  ['', '}'],
  ['pow', 'Value* pow(MemoryArena* a, Value* x, double n) {  // n kept as a leaf in prev[1]'],
  ['', '  Value* out = create_value(a, std::pow(x->value, n));'],
  ['', '  out->prev[0] = x; out->prev[1] = create_value(a, n); out->prev_count = 2;'],
  ['', '  out->gradient_func = [](Value* self) {'],
  [
    'grad-pow',
    '    double n = self->prev[1]->value;  self->prev[0]->gradient += n * std::pow(self->prev[0]->value, n - 1) * self->gradient;',
  ],
  ['', '  };'],
  ['', '  return out;'],
  ['', '}'],
  ['relu', 'Value* relu(MemoryArena* a, Value* x) {  // create_value + prev = {x}'],
  ['', '  Value* out = create_value(a, x->value > 0 ? x->value : 0);'],
  ['', '  out->prev[0] = x; out->prev_count = 1;'],
  ['', '  out->gradient_func = [](Value* self) {'],
  ['grad-relu', '    self->prev[0]->gradient += (self->value > 0) ? self->gradient : 0;'],
  ['', '  };'],
  ['', '  return out;'],
  ['', '}'],
  ['', ''],
  ['', '// Corrected backward: the tape holds the records in allocation order, parents first,'],
  ['', '// so one sweep from the loss down visits each node once, after all its users.'],
  ['', 'void backward(MemoryArena* scratch, size_t first, Value* loss) {'],
  ['', '  loss->gradient = 1.0;'],
  ['sweep', '  for (size_t k = scratch->tape_length; k-- > first;) {'],
  ['', '    Value* v = scratch->tape[k];'],
  ['leaf', '    if (v->gradient_func) v->gradient_func(v);  // leaves have none: nothing flows'],
  ['', '  }'],
  ['', '}'],
  ['', ''],
  ['', 'for (int step = 0; step < steps; step++) {'],
  ['mark', '  Arena checkpoint = scratch_arena.mark();'],
  ['inputs', '  Value* inputs[3] = { create_value(&scratch_arena, 1.0), /* 2.0, 3.0 */ };'],
  ['', '  Value* output = neuron.forward(&scratch_arena, inputs, 3);  // mul, add, relu'],
  ['target', '  Value* y = create_value(&scratch_arena, 1.0);  // the target'],
  [
    'loss',
    '  Value* loss = mean_squared_error(&scratch_arena, output, y);  // sub, pow, sum, × 1/n',
  ],
  ['', '  zero_gradients(model_arena);  // weights accumulate: clear them first'],
  ['', '  backward(&scratch_arena, checkpoint.tape_length, loss);'],
  ['update', '  for (Value* p : neuron.parameters()) p->value -= lr * p->gradient;  // corrected'],
  ['end', '  checkpoint.end();  // frees every intermediate at once'],
  ['', '}'],
];

/** The code, one string. */
export const GUIDE_CODE = LINES.map(([, text]) => text).join('\n');

/** The 1-based line of each tag. */
export const GUIDE_LINE: Readonly<Record<CodeTag, number>> = Object.fromEntries(
  LINES.flatMap(([tag], i) => (tag ? [[tag, i + 1]] : [])),
) as Record<CodeTag, number>;
