;; The WebAssembly kernel of the arena engine: the forward of a layer of neurons and the backward
;; sweep, over the same 32-byte Value records as the TypeScript engine (docs/architecture.md,
;; "The Value record"), in the engine's own memory (imported: its buffer IS the Memory's buffer).
;; Every floating-point operation is the TypeScript engine's, in the same order, so results are
;; bit-identical (test/core/wasm/). The TypeScript rules (src/core/ops) stay the readable
;; statement of each gradient; this file repeats them, as src/core/ops/gradientSweep.ts does.
;; Built by scripts/build-wasm.mjs (npm run build:wasm) with the wabt package.
(module
  (import "env" "memory" (memory 0))
  ;; JavaScript's own Math.tanh, Math.pow, Math.sin and Math.cos, so that the two engines agree
  ;; to the bit (WebAssembly has no instruction for any of them).
  (import "math" "tanh" (func $tanh (param f64) (result f64)))
  (import "math" "pow" (func $pow (param f64 f64) (result f64)))
  (import "math" "sin" (func $sin (param f64) (result f64)))
  (import "math" "cos" (func $cos (param f64) (result f64)))

  ;; Writes the records of a layer of `m` neurons of `n` inputs each, from address `at`, exactly
  ;; as nn.ts's neuronForward: per input a mul (weight × input) then an add (running sum), then
  ;; the activation (0 linear, 1 relu, 2 tanh). Neuron j's pointer array is at
  ;; weights0 + j·neuronStride, its bias at that + biasOffset; input i is the record at
  ;; input0 + i·inputStride. Returns the address after the last record. The caller has checked
  ;; that the records fit: this function never traps on a sound call.
  (func (export "forwardLayer")
    (param $at i32) (param $weights0 i32) (param $neuronStride i32) (param $biasOffset i32)
    (param $n i32) (param $m i32) (param $act i32) (param $input0 i32) (param $inputStride i32)
    (result i32)
    (local $j i32) (local $i i32) (local $ptrs i32) (local $sum i32) (local $total f64)
    (local $w i32) (local $x i32) (local $product f64) (local $out f64)
    (block $layerDone
      (loop $neurons
        (br_if $layerDone (i32.ge_u (local.get $j) (local.get $m)))
        (local.set $ptrs
          (i32.add (local.get $weights0) (i32.mul (local.get $j) (local.get $neuronStride))))
        (local.set $sum (i32.add (local.get $ptrs) (local.get $biasOffset)))
        (local.set $total (f64.load (local.get $sum)))
        (local.set $x (local.get $input0))
        (local.set $i (i32.const 0))
        (block $inputsDone
          (loop $inputs
            (br_if $inputsDone (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $w
              (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $product (f64.mul (f64.load (local.get $w)) (f64.load (local.get $x))))
            ;; Each record is two 16-byte stores: (value, gradient 0) and
            ;; (prev[0], prev[1], prev_count | op << 8, tag 0).
            ;; mul record: prev = (w, x), prev_count 2 | op Mul (2) << 8
            (v128.store (local.get $at)
              (f64x2.replace_lane 0 (v128.const i64x2 0 0) (local.get $product)))
            (v128.store offset=16 (local.get $at)
              (i32x4.replace_lane 1
                (i32x4.replace_lane 0 (v128.const i32x4 0 0 0x202 0) (local.get $w))
                (local.get $x)))
            (local.set $total (f64.add (local.get $total) (local.get $product)))
            ;; add record: prev = (sum, the mul), prev_count 2 | op Add (1) << 8
            (v128.store offset=32 (local.get $at)
              (f64x2.replace_lane 0 (v128.const i64x2 0 0) (local.get $total)))
            (v128.store offset=48 (local.get $at)
              (i32x4.replace_lane 1
                (i32x4.replace_lane 0 (v128.const i32x4 0 0 0x102 0) (local.get $sum))
                (local.get $at)))
            (local.set $sum (i32.add (local.get $at) (i32.const 32)))
            (local.set $at (i32.add (local.get $at) (i32.const 64)))
            (local.set $x (i32.add (local.get $x) (local.get $inputStride)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $inputs)))
        (if (i32.ne (local.get $act) (i32.const 0))
          (then
            (if (i32.eq (local.get $act) (i32.const 1))
              (then
                ;; relu: total > 0 ? total : 0; prev_count 1 | op Relu (3) << 8
                (local.set $out
                  (select (local.get $total) (f64.const 0)
                    (f64.gt (local.get $total) (f64.const 0))))
                (i32.store offset=24 (local.get $at) (i32.const 0x301)))
              (else
                ;; tanh: prev_count 1 | op Tanh (8) << 8
                (local.set $out (call $tanh (local.get $total)))
                (i32.store offset=24 (local.get $at) (i32.const 0x801))))
            (f64.store (local.get $at) (local.get $out))
            (f64.store offset=8 (local.get $at) (f64.const 0))
            (i32.store offset=16 (local.get $at) (local.get $sum))
            (i32.store offset=20 (local.get $at) (i32.const 0))
            (i32.store offset=28 (local.get $at) (i32.const 0))
            (local.set $at (i32.add (local.get $at) (i32.const 32)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $neurons)))
    (local.get $at))

  ;; The backward sweep over record addresses `from`, from - 32, ... down to `downTo` (an arena
  ;; that holds only Value records: its allocation order is a topological order). Applies each
  ;; record's gradient rule, as gradientSweep.ts's applyGradientRules; records whose gradient
  ;; is 0 are skipped. Op codes: src/core/ops/opCodes.ts. Each `parent.gradient += x` is
  ;; written out (load, add, store): the engine does not inline Wasm calls.
  (func (export "backward") (param $from i32) (param $downTo i32)
    (local $at i32) (local $g f64) (local $a i32) (local $b i32) (local $y f64) (local $v f64)
    (local.set $at (local.get $from))
    (block $swept
      (loop $sweep
        (br_if $swept (i32.lt_s (local.get $at) (local.get $downTo)))
        (local.set $g (f64.load offset=8 (local.get $at)))
        (if (f64.ne (local.get $g) (f64.const 0))
          (then
            (local.set $a (i32.load offset=16 (local.get $at)))
            (local.set $b (i32.load offset=20 (local.get $at)))
            (block $next
              (block $cosRule
                (block $sinRule
                  (block $sigmoid
                    (block $log
                      (block $exp
                        (block $tanhRule
                          (block $powRule
                            (block $div
                              (block $neg
                                (block $sub
                                  (block $relu
                                    (block $mul
                                      (block $add
                                        (br_table $next $add $mul $relu $sub $neg $div $powRule
                                          $tanhRule $exp $log $sigmoid $sinRule $cosRule $next
                                          (i32.load8_u offset=25 (local.get $at))))
                                      ;; Add: a.grad += g; b.grad += g
                                      (f64.store offset=8 (local.get $a)
                                        (f64.add (f64.load offset=8 (local.get $a))
                                          (local.get $g)))
                                      (f64.store offset=8 (local.get $b)
                                        (f64.add (f64.load offset=8 (local.get $b))
                                          (local.get $g)))
                                      (br $next))
                                    ;; Mul: a.grad += b·g; b.grad += a·g
                                    (f64.store offset=8 (local.get $a)
                                      (f64.add (f64.load offset=8 (local.get $a))
                                        (f64.mul (f64.load (local.get $b)) (local.get $g))))
                                    (f64.store offset=8 (local.get $b)
                                      (f64.add (f64.load offset=8 (local.get $b))
                                        (f64.mul (f64.load (local.get $a)) (local.get $g))))
                                    (br $next))
                                  ;; Relu: a.grad += g where out > 0
                                  (if (f64.gt (f64.load (local.get $at)) (f64.const 0))
                                    (then
                                      (f64.store offset=8 (local.get $a)
                                        (f64.add (f64.load offset=8 (local.get $a))
                                          (local.get $g)))))
                                  (br $next))
                                ;; Sub: a.grad += g; b.grad -= g
                                (f64.store offset=8 (local.get $a)
                                  (f64.add (f64.load offset=8 (local.get $a))
                                    (local.get $g)))
                                (f64.store offset=8 (local.get $b)
                                  (f64.sub (f64.load offset=8 (local.get $b))
                                    (local.get $g)))
                                (br $next))
                              ;; Neg: a.grad -= g
                              (f64.store offset=8 (local.get $a)
                                (f64.sub (f64.load offset=8 (local.get $a))
                                  (local.get $g)))
                              (br $next))
                            ;; Div: a.grad += g / b; b.grad -= (a / (b·b))·g
                            (local.set $y (f64.load (local.get $b)))
                            (f64.store offset=8 (local.get $a)
                              (f64.add (f64.load offset=8 (local.get $a))
                                (f64.div (local.get $g) (local.get $y))))
                            (f64.store offset=8 (local.get $b)
                              (f64.sub (f64.load offset=8 (local.get $b))
                                (f64.mul
                                  (f64.div (f64.load (local.get $a))
                                    (f64.mul (local.get $y) (local.get $y)))
                                  (local.get $g))))
                            (br $next))
                          ;; Pow (exponent n = b, a constant): a.grad += (n · a^(n−1))·g
                          (local.set $y (f64.load (local.get $b)))
                          (f64.store offset=8 (local.get $a)
                            (f64.add (f64.load offset=8 (local.get $a))
                              (f64.mul
                                (f64.mul (local.get $y)
                                  (call $pow (f64.load (local.get $a))
                                    (f64.sub (local.get $y) (f64.const 1))))
                                (local.get $g))))
                          (br $next))
                        ;; Tanh: a.grad += (1 − t·t)·g, t = out
                        (local.set $v (f64.load (local.get $at)))
                        (f64.store offset=8 (local.get $a)
                          (f64.add (f64.load offset=8 (local.get $a))
                            (f64.mul
                              (f64.sub (f64.const 1) (f64.mul (local.get $v) (local.get $v)))
                              (local.get $g))))
                        (br $next))
                      ;; Exp: a.grad += out·g
                      (f64.store offset=8 (local.get $a)
                        (f64.add (f64.load offset=8 (local.get $a))
                          (f64.mul (f64.load (local.get $at)) (local.get $g))))
                      (br $next))
                    ;; Log: a.grad += g / a
                    (f64.store offset=8 (local.get $a)
                      (f64.add (f64.load offset=8 (local.get $a))
                        (f64.div (local.get $g) (f64.load (local.get $a)))))
                    (br $next))
                  ;; Sigmoid: a.grad += (s·(1 − s))·g, s = out
                  (local.set $v (f64.load (local.get $at)))
                  (f64.store offset=8 (local.get $a)
                    (f64.add (f64.load offset=8 (local.get $a))
                      (f64.mul
                        (f64.mul (local.get $v) (f64.sub (f64.const 1) (local.get $v)))
                        (local.get $g))))
                  (br $next))
                ;; Sin: a.grad += cos(a)·g
                (f64.store offset=8 (local.get $a)
                  (f64.add (f64.load offset=8 (local.get $a))
                    (f64.mul (call $cos (f64.load (local.get $a))) (local.get $g))))
                (br $next))
              ;; Cos: a.grad -= sin(a)·g
              (f64.store offset=8 (local.get $a)
                (f64.sub (f64.load offset=8 (local.get $a))
                  (f64.mul (call $sin (f64.load (local.get $a))) (local.get $g)))))))
        (local.set $at (i32.sub (local.get $at) (i32.const 32)))
        (br $sweep))))
)
