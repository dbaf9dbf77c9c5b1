// The run the page hands to a C++ module: the model's shape, its loss, the data and the initial
// weights, as one array of doubles written by src/core/cpp/cppSpec.ts (the two must agree;
// the program `cli export-cpp` writes holds it as a literal):
//
//   [0] L, the number of layers     [1 .. L+1] the sizes, inputs first (2, 16, 16, 1)
//   then: hidden activation (0 linear, 1 relu), output activation, loss (0 hinge, 1 mse),
//         L2 strength, points P, features per point D, model arena bytes, scratch arena bytes,
//         loss limit (a loss past it counts as divergence, as in the TypeScript engine),
//   then: X (P·D, point by point), Y (P), then every weight and bias in creation order
//         (neuron by neuron, layer by layer: its weights, then its bias).
#pragma once
#include <cstdint>
#include <vector>

enum Activation { ACT_LINEAR = 0, ACT_RELU = 1 };
enum LossKind { LOSS_HINGE = 0, LOSS_MSE = 1 };

/** The spec, read into plain fields (the data stays in the page's buffer until copied). */
struct Spec {
  std::vector<int> sizes;
  int hidden_activation;
  int output_activation;
  int loss;
  double l2;
  int points;
  int dims;
  double model_bytes;
  double scratch_bytes;
  double loss_limit;
  const double* x;
  const double* y;
  const double* weights;

  explicit Spec(const double* at) {
    int layers = int(at[0]);
    for (int i = 0; i <= layers; i++) sizes.push_back(int(at[1 + i]));
    const double* p = at + 2 + layers;
    hidden_activation = int(p[0]);
    output_activation = int(p[1]);
    loss = int(p[2]);
    l2 = p[3];
    points = int(p[4]);
    dims = int(p[5]);
    model_bytes = p[6];
    scratch_bytes = p[7];
    loss_limit = p[8];
    x = p + 9;
    y = x + points * dims;
    weights = y + points;
  }

  int layer_count() const { return int(sizes.size()) - 1; }
  int activation_of(int layer) const {
    return layer + 1 == layer_count() ? output_activation : hidden_activation;
  }
};
