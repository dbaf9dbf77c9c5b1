// JavaScript's Math.pow for the exponents this project's runs use, so that C++ and the
// TypeScript engine compute the same bits: fdlibm's pow (V8's Math.pow) returns x for y = 1 and
// x·x for y = 2, exactly; any other exponent goes to the C library's pow.
#pragma once
#include <cmath>

static inline double js_pow(double x, double y) {
  if (y == 1) return x;
  if (y == 2) return x * x;
  return std::pow(x, y);
}
